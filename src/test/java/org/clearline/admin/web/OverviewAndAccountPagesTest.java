package org.clearline.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.web.CallFixtures.NOW;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview (live registrations, calls up, counters), the account list and the account page. */
class OverviewAndAccountPagesTest {
    private DashboardHarness web;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        web = new DashboardHarness(dir);
        web.store.accounts().put(account("alice", "Alice <Admin>", true));
        web.store.accounts().put(account("bob", "", true));
        web.store.accounts().put(account("ken", "", false));
        web.store.numbers().assign("+493012345001", "alice");
        web.store.lines().put("bob", new LineSettings(true, 1, null, new LineSettings.Forward("alice",
                LineSettings.ForwardMode.FOLLOW), null, 20, null, List.of("+4930999*"), List.of("PCMA"),
                LineSettings.Srtp.REQUIRED, EnumSet.of(LineSettings.Destination.LOCAL)));
        web.location.replace("alice", List.of(new Registration("alice", "sip:alice@192.0.2.10:5060;ob", "r1@x", 5,
                NOW + 125_000, NOW - 600_000, 1.0, "", "udp:192.0.2.10:5060", "<b>Phone</b> 1.0")));
        web.location.replace("bob", List.of(new Registration("bob", "sip:bob@192.0.2.20:5062", "r2@x", 1,
                NOW - 1, NOW - 600_000, 1.0, "", "udp:192.0.2.20:5062", ""))); // lapsed: not shown
        web.activeCalls.begin("c1@x", "bob");
        web.store.callLog().append(List.of(CallFixtures.offline("offline@x", NOW - 600_000),
                CallFixtures.busy("busy@x", NOW - 60_000), CallFixtures.answered("old@x", NOW - 7_200_000)),
                List.of(new RegistrationRecord("r3@x", NOW - 30_000, "udp:203.0.113.9:5060", "bob", 401,
                                "auth.wrong-credentials"),
                        new RegistrationRecord("r4@x", NOW - 20_000, "udp:203.0.113.9:5060", "bob", 401,
                                "auth.wrong-credentials"),
                        new RegistrationRecord("r2@x", NOW - 600_000, "udp:192.0.2.20:5062", "bob", 200, null)));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theOverviewShowsLiveRegistrationsCallsUpAndCounters() throws Exception {
        String page = web.page("/", 200);
        assertThat(page).contains("<section id=\"live\" aria-live=\"polite\" data-refresh=\"/live\" data-every=\"5\">")
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>");
        assertThat(page).contains("<div id=\"counter-registered-accounts\"><dt>Registered accounts</dt><dd>1</dd></div>")
                .contains("<div id=\"counter-bindings\"><dt>Contact bindings</dt><dd>1</dd></div>")
                .contains("<div id=\"counter-calls-up\"><dt>Calls up</dt><dd>1</dd></div>")
                .contains("<div id=\"counter-calls-hour\"><dt>Calls, last hour</dt><dd>2</dd></div>")
                .contains("<div id=\"counter-failed-hour\"><dt>Failed, last hour</dt><dd>2</dd></div>")
                .contains("<div id=\"counter-log-dropped\"><dt>Log entries dropped</dt><dd>3</dd></div>");
        // alice's live binding with its user agent as text; bob's lapsed one is gone
        assertThat(page).contains("<td class=\"uri\">sip:alice@192.0.2.10:5060;ob</td><td>udp:192.0.2.10:5060</td>"
                + "<td>&lt;b&gt;Phone&lt;/b&gt; 1.0</td><td>in 2 min 05 s</td>").doesNotContain("sip:bob@192.0.2.20");
        assertThat(page).contains("<tr><td><a href=\"/account?id=bob\">bob</a></td><td class=\"num\">1</td></tr>");
        assertThat(page).contains("data-call-id=\"busy@x\"").contains("aria-current=\"page\">Overview</a>")
                .contains("<form class=\"logout\" method=\"post\" action=\"/logout\">");
    }

    @Test
    void theLivePartAloneIsAFragmentForTheScript() throws Exception {
        String live = web.page("/live", 200);
        assertThat(live).doesNotContain("<html").doesNotContain("<nav").startsWith("<dl class=\"counters\">")
                .contains("sip:alice@192.0.2.10:5060;ob");
        assertThat(web.anonymous("/live").statusCode()).isEqualTo(302);
    }

    @Test
    void theAccountListLinksEveryAccount() throws Exception {
        String page = web.page("/accounts", 200);
        assertThat(page).contains("<a href=\"/account?id=alice\">alice</a></td><td>Alice &lt;Admin&gt;</td>"
                + "<td>+493012345001</td><td class=\"num\">1</td><td class=\"num\">0</td><td>enabled</td>");
        assertThat(page).contains("<a href=\"/account?id=ken\">ken</a>").contains("badge failed\">disabled");
    }

    @Test
    void theAccountPageDiagnosesWhatItCanRead() throws Exception {
        String page = web.page("/account?id=bob", 200);
        assertThat(page).contains("<section id=\"diagnosis\"");
        assertThat(page).contains("<li class=\"finding problem\">No phone is registered: callers get 480."
                        + " <a href=\"/codes#situation-callee.offline\"><code>callee.offline</code></a></li>")
                .contains("<li class=\"finding problem\">Do-not-disturb is on: callers get 480.")
                .contains("The line is at its call limit (1): the next caller gets 486 (or the busy forward).")
                .contains("2 registrations from udp:203.0.113.9:5060 failed authentication in the last 7 days.")
                .contains("1 call from or to this account failed in the last 7 days");
        assertThat(page).contains("<dt>Do-not-disturb</dt><dd><strong>on</strong></dd>")
                .contains("<dt>Call limit</dt><dd>1 · 1 up now</dd>")
                .contains("<dt>Forward when busy</dt><dd>alice (followed by Clearline)</dd>")
                .contains("<dt>Codecs</dt><dd>PCMA</dd>").contains("<dt>Encrypted media (SRTP)</dt><dd>required</dd>")
                .contains("<dt>May call</dt><dd>local</dd>").contains("<dt>Rejected callers</dt><dd>+4930999*</dd>");
        assertThat(page).contains("data-call-id=\"busy@x\"").doesNotContain("data-call-id=\"offline@x\"");
        assertThat(page).contains("<td>udp:203.0.113.9:5060</td><td class=\"code\">401</td>");
    }

    @Test
    void aRegisteredAccountIsReachableAndItsPhonesAreListed() throws Exception {
        String page = web.page("/account?id=alice", 200);
        assertThat(page).contains("<span class=\"display-name\">Alice &lt;Admin&gt;</span>")
                .contains("<li class=\"finding ok\">One phone is registered.</li>")
                .contains("<td>&lt;b&gt;Phone&lt;/b&gt; 1.0</td><td><time datetime=\"2025-12-31T23:50:00Z\">")
                .contains("<dt>Numbers</dt><dd>+493012345001</dd>");
        assertThat(web.page("/account?id=ken", 200)).contains("The account is disabled");
        assertThat(web.page("/account?id=nobody", 404)).contains("There is no account nobody.");
    }

    @Test
    void pagesNeedTheLogIn() throws Exception {
        for (String path : List.of("/", "/calls", "/call?id=x", "/accounts", "/account?id=bob", "/codes")) {
            var r = web.anonymous(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/login?next=");
        }
    }

    private static Account account(String sipId, String name, boolean enabled) {
        Ha1 ha1 = Ha1.of(sipId, "example.com", "secret-" + sipId);
        return new Account(sipId, name, ha1.md5(), ha1.sha256(), enabled);
    }
}
