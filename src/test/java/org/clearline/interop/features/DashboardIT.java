package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearline.interop.features.DemoPhones.PAUSE;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by its
 * chromedriver; Selenium never downloads anything) against the packaged server
 * with the demo provisioning. SIPp makes three calls first: alice to ken, who
 * never registered (480 callee.offline; her From display name is markup), alice to
 * an unassigned number (404), and alice to bob's registered phone, answered.
 * Then the browser logs in, lists the failed calls, opens the 480, reads its
 * explanation and counts the ladder's arrows against the flow SIPp saw, opens a
 * message, opens ken's account diagnosis and logs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DashboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_BOUND = Duration.ofSeconds(20);
    /** A display name an attacker chose: the pages must show it as text, never run it. */
    private static final String EVIL_NAME = "<script>document.title='pwned'</script>";

    private DemoServer server;
    private WebDriver browser;
    private String base;
    private String password;
    private SippResult offlineCall;

    @BeforeAll
    void startServerCallsAndBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium,"
                        + " /usr/bin/chromedriver); .ci/run installs them");
        server = DemoServer.start("dashboard", DemoProvisioning.onFreePorts());
        base = await("server.json with the listener's address").atMost(PAGE_BOUND)
                .until(() -> RuntimeFile.ofRunningServer(server.dataDir()).map(RuntimeFile::httpUrl).orElse(null),
                        url -> url != null);
        password = AdminToken.read(server.dataDir().resolve(AdminToken.FILE_NAME)).value();

        offlineCall = DemoPhones.refused(server, "alice", "ken", 480, PCMU)
                .replace("From: <sip:[field0]@[domain]>", "From: \"" + EVIL_NAME + "\" <sip:[field0]@[domain]>")
                .run();
        assertThat(offlineCall.succeeded()).as(offlineCall.diagnostics()).isTrue();
        assertThat(finals(offlineCall, "2 INVITE")).containsExactly(480);
        SippResult unknown = DemoPhones.refused(server, "alice", "03012345099", 404, PCMU).run();
        assertThat(unknown.succeeded()).as(unknown.diagnostics()).isTrue();
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("bob-answers").replace("@MEDIA@", PCMU)
                        .timeout(PAGE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            SippResult answered = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).run();
            assertThat(answered.succeeded()).as(answered.diagnostics()).isTrue();
            assertThat(phone.await().succeeded()).isTrue();
        }
        browser = chromium();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void anAdministratorFollowsAFailedCallToItsExplanationLadderAndAccount() {
        // log in: any page sends the browser to the form first
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        awaitHeading("Overview");

        // the failed calls: the call log writer stores in batches, so look until both are there
        browser.findElement(By.linkText("Calls")).click();
        browser.findElement(By.id("filter-failed")).click();
        browser.findElement(By.id("filter")).click();
        await("both failed calls listed").atMost(PAGE_BOUND).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("table.calls tbody tr")).size() == 2;
        });
        assertThat(browser.getCurrentUrl()).contains("failed=on");
        assertThat(browser.findElements(By.cssSelector("table.calls td.code")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("480", "404");

        // the 480: its explanation, and one arrow per message the caller and Clearline exchanged
        String callId = callIdOf(offlineCall);
        browser.findElement(By.cssSelector("tr[data-call-id='" + callId + "'] a")).click();
        awaitHeading("Call " + callId);
        assertThat(browser.findElement(By.id("result-code")).getText()).isEqualTo("480");
        String what = Explanations.load(Language.ENGLISH).explain(Situation.CALLEE_OFFLINE, Audience.ADMIN).what();
        assertThat(browser.findElement(By.cssSelector("article[data-situation='callee.offline'][data-audience='admin']"))
                .getText()).contains(what);

        List<String> expected = loggedFlow(offlineCall);
        List<WebElement> arrows = browser.findElements(By.cssSelector("svg g.arrow"));
        assertThat(arrows).as("arrows for %s", expected).hasSize(expected.size());
        List<String> labels = browser.findElements(By.cssSelector("svg g.arrow title")).stream()
                .map(t -> t.getAttribute("textContent").replaceFirst("^[0-9]+\\. ", "")).toList();
        assertThat(labels).isEqualTo(expected);

        // the caller's display name is shown as the text it is, not run
        assertThat(browser.getTitle()).doesNotContain("pwned");
        // the 480 is the arrow before the caller's ACK
        WebElement last = arrows.get(arrows.size() - 2);
        assertThat(last.getAttribute("class")).isEqualTo("arrow failed");
        WebElement message = browser.findElement(By.id("call-msg-" + (arrows.size() - 1)));
        assertThat(message.getAttribute("open")).isNull();
        last.click();
        await("the 480 opened by its arrow").atMost(PAGE_BOUND).until(() -> message.getAttribute("open") != null);
        assertThat(message.findElement(By.tagName("pre")).getText()).startsWith("SIP/2.0 480 Temporarily Unavailable")
                .contains(EVIL_NAME);

        // ken's account: the diagnosis says why his callers get 480
        browser.findElement(By.linkText("Accounts")).click();
        browser.findElement(By.linkText("ken")).click();
        assertThat(browser.findElement(By.cssSelector("#diagnosis li[data-finding='registration.none']")).getText())
                .isEqualTo("Not registered: calls to ken get 480.");
        assertThat(browser.findElement(By.id("diagnosis-h")).getText()).isEqualTo("Diagnosis");

        // log out: back at the form, and pages need the log-in again
        browser.findElement(By.id("logout")).click();
        await("the log-in form after logging out").atMost(PAGE_BOUND)
                .until(() -> browser.getCurrentUrl().contains("/login"));
        browser.get(base + "/calls");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fcalls");
    }

    /**
     * Waits for the page headed {@code text}. The log-in form posts and is redirected, and
     * the browser may hand back the old page's heading while the new page replaces it.
     */
    private void awaitHeading(String text) {
        await("the page headed " + text).atMost(PAGE_BOUND).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElements(By.tagName("h1")).stream().map(WebElement::getText).toList(),
                        h -> h.equals(List.of(text)));
    }

    /** The one Call-ID of a SIPp run. */
    private static String callIdOf(SippResult run) {
        List<String> ids = run.trace().messages().stream().map(TraceMessage::callId).distinct().toList();
        assertThat(ids).as("Call-IDs of %s", run.diagnostics()).hasSize(1);
        return ids.get(0);
    }

    /**
     * The arrows the call log must draw for a refused call: every message SIPp sent
     * and received, in order, the ACK of the final response included (the log keeps
     * a failed call open for it, §17.1.1.3: a missing ACK is part of the story).
     */
    private static List<String> loggedFlow(SippResult run) {
        List<TraceMessage> ms = run.trace().messages();
        assertThat(ms.get(ms.size() - 1).method()).as("the caller's last message").isEqualTo("ACK");
        return ms.stream().map(m -> label(m.message().startLine())).toList();
    }

    private static String label(String startLine) {
        String s = startLine.strip();
        if (s.startsWith("SIP/2.0 ")) return s.substring(8);
        return s.endsWith(" SIP/2.0") ? s.substring(0, s.length() - 8) : s;
    }

    /** Debian's chromium through its own chromedriver: both paths given, so Selenium Manager never runs. */
    private static WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-US", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_BOUND).implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }
}
