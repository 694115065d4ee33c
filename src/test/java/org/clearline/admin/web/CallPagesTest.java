package org.clearline.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.web.CallFixtures.NOW;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.clearline.store.RouteStep;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The call list with its filters and the call page with explanation, route and ladder, over a filled call log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallPagesTest {
    private static final Pattern ARROW = Pattern.compile("<g class=\"arrow( failed)?\" data-index=\"([0-9]+)\"");
    private static final Explanations EN = Explanations.load(Language.ENGLISH);
    private static final Explanations DE = Explanations.load(Language.GERMAN);
    private static final String ODD_ID = "odd/id?&x=<b>@192.0.2.10";

    private DashboardHarness web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new DashboardHarness(dir);
        web.store.callLog().append(List.of(
                CallFixtures.answered("old@x", NOW - 3 * 86_400_000L),
                CallFixtures.offline("offline@x", NOW - 3_600_000L),
                CallFixtures.busy("busy@x", NOW - 60_000L).withRoute(List.of(
                        new RouteStep(RouteStep.Kind.CONTACT, "bob: phone 1", "sip:bob@192.0.2.20:5062"))),
                CallFixtures.offline(ODD_ID, NOW - 7_200_000L)), List.of(
                new RegistrationRecord("reg@x", NOW - 30_000L, CallFixtures.ALICE, "alice", 403,
                        "auth.account-disabled", List.of(
                                new LoggedMessage(NOW - 30_000L, Direction.IN, CallFixtures.ALICE,
                                        "REGISTER sip:example.com SIP/2.0", "REGISTER sip:example.com SIP/2.0\r\n\r\n"),
                                new LoggedMessage(NOW - 29_999L, Direction.OUT, CallFixtures.ALICE,
                                        "SIP/2.0 403 Forbidden", "SIP/2.0 403 Forbidden\r\n\r\n")), 0, null)));
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @Test
    void theListIsNewestFirstAndEachRowLinksToItsCall() throws Exception {
        String page = web.page("/calls", 200);
        assertThat(callIds(page)).containsExactly("busy@x", "offline@x", ODD_ID, "old@x");
        assertThat(page).contains("<a href=\"/call?id=busy%40x\"><time datetime=\"2025-12-31T23:59:00Z\">"
                + "2025-12-31 23:59:00</time></a>");
        // situation titles for the administrator; a relayed failure says what its code means
        assertThat(page).contains("<td>" + EN.explain(Situation.CALLEE_OFFLINE, Audience.ADMIN).title() + "</td>")
                .contains("(relayed)").contains("<td>answered</td>").contains("<td class=\"num\">1:05</td>");
        // an odd Call-ID is escaped in the row and encoded in its link
        assertThat(page).contains("data-call-id=\"odd/id?&amp;x=&lt;b&gt;@192.0.2.10\"")
                .contains("/call?id=odd%2Fid%3F%26x%3D%3Cb%3E%40192.0.2.10").doesNotContain("<b>@");
    }

    @Test
    void filtersSelectFailedCallsByAccountCodeAndTime() throws Exception {
        assertThat(callIds(web.page("/calls?failed=on", 200))).containsExactly("busy@x", "offline@x", ODD_ID);
        assertThat(callIds(web.page("/calls?account=bob", 200))).containsExactly("busy@x", "old@x");
        assertThat(callIds(web.page("/calls?code=480", 200))).containsExactly("offline@x", ODD_ID);
        assertThat(callIds(web.page("/calls?code=200", 200))).containsExactly("old@x");
        assertThat(callIds(web.page("/calls?since=90m", 200))).containsExactly("busy@x", "offline@x");
        assertThat(callIds(web.page("/calls?since=2025-12-31T23:30:00Z&failed=on", 200))).containsExactly("busy@x");
        assertThat(callIds(web.page("/calls?limit=1", 200))).containsExactly("busy@x");
        // the form shows what was asked
        assertThat(web.page("/calls?failed=on&account=bob", 200))
                .contains("<input type=\"checkbox\" name=\"failed\" id=\"filter-failed\" checked>")
                .contains("name=\"account\" id=\"filter-account\" value=\"bob\"");
    }

    @Test
    void badFiltersAre400NamingTheFieldAndEchoedEscaped() throws Exception {
        HttpResponse<String> r = web.get("/calls?since=yesterday&code=99&limit=0&account="
                + URLEncoder.encode("\"><script>x</script>", StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("role=\"alert\"").contains("Since must be an age")
                .contains("Code must be a SIP status code from 100 to 699.").contains("Limit must be a number")
                .contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"").doesNotContain("<script>x");
    }

    @Test
    void theCallPageExplainsTheSituationToAdminAndOwnerAndDrawsEveryMessage() throws Exception {
        String page = web.page("/call?id=offline%40x", 200);
        assertThat(page).contains("<h1>Call <code class=\"call-id\">offline@x</code></h1>")
                .contains("<span class=\"code failed\" id=\"result-code\">480</span> Temporarily Unavailable")
                .contains("<a href=\"/account?id=alice\">alice</a>");
        for (Audience who : List.of(Audience.ADMIN, Audience.OWNER)) {
            assertThat(page).contains("data-situation=\"callee.offline\" data-audience=\"" + who.key() + "\"")
                    .contains(escape(EN.explain(Situation.CALLEE_OFFLINE, who).what()));
        }
        assertThat(page).doesNotContain("data-audience=\"caller\"");
        assertThat(page).contains("Clearline answered the call itself");

        // INVITE, 407, ACK, INVITE with credentials, 100, 480: six arrows, in order; the 480 drawn as a failure
        List<String> arrows = arrows(page);
        assertThat(arrows).containsExactly("1", "2", "3", "4", "5", "6 failed");
        assertThat(page).contains("<details id=\"call-msg-6\" class=\"failed\">");
        assertThat(page).contains("<g class=\"lane\" data-endpoint=\"udp:192.0.2.10:5060\">");
    }

    @Test
    void aDisplayNameWithMarkupIsShownAsText() throws Exception {
        String page = web.page("/call?id=offline%40x", 200);
        assertThat(page).doesNotContain("<script>alert").doesNotContain(CallFixtures.EVIL_NAME)
                .contains("From: &quot;&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;&quot; &lt;sip:alice@example.com&gt;");
        // the only scripts are the dashboard's own file; the policy forbids inline ones anyway
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
        assertThat(web.get("/call?id=offline%40x").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void aRelayedFailureShowsItsRouteAndWhatItsCodeMeans() throws Exception {
        String page = web.page("/call?id=busy%40x", 200);
        assertThat(page).contains("<ol class=\"route-steps\"><li><span class=\"route-kind\">contact</span>"
                        + " bob: phone 1 sip:bob@192.0.2.20:5062</li></ol>")
                .contains("<code>INVITE sip:bob@192.0.2.20:5062</code> to udp:192.0.2.20:5062 \u2192 486 Busy Here")
                .contains("data-code=\"486\"").contains(escape(EN.explainCode(486).orElseThrow().meaning()));
        assertThat(arrows(page)).containsExactly("1", "2", "3", "4 failed", "5", "6 failed", "7");
        // lanes: caller, Clearline, then bob's phone
        Matcher lanes = Pattern.compile("<g class=\"lane\" data-endpoint=\"([^\"]+)\"").matcher(page);
        assertThat(lanes.results().map(m -> m.group(1)).toList())
                .containsExactly("udp:192.0.2.10:5060", "clearline", "udp:192.0.2.20:5062");
    }

    @Test
    void explanationsFollowAcceptLanguage() throws Exception {
        HttpResponse<String> de = web.get("/call?id=offline%40x", "de-DE,de;q=0.9,en;q=0.5");
        assertThat(de.body()).contains("lang=\"de\"")
                .contains(escape(DE.explain(Situation.CALLEE_OFFLINE, Audience.ADMIN).title()))
                .doesNotContain(escape(EN.explain(Situation.CALLEE_OFFLINE, Audience.ADMIN).what()));
        assertThat(web.get("/call?id=offline%40x&lang=en", "de").body())
                .contains(escape(EN.explain(Situation.CALLEE_OFFLINE, Audience.ADMIN).what()));
    }

    @Test
    void anAnsweredCallWithoutMessagesAndAnUnknownCall() throws Exception {
        String page = web.page("/call?id=old%40x", 200);
        assertThat(page).contains("The call was answered (200 OK).").contains("No messages were kept")
                .contains("<dd>1:05</dd>").contains("+493012345001");
        assertThat(arrows(page)).isEmpty();
        assertThat(web.page("/call?id=nope%40x", 404)).contains("No call with Call-ID nope@x is in the log");
        assertThat(web.page("/call", 404)).contains("Name a call");
    }

    @Test
    void aRegistrationAttemptHasAPageWithItsExplanationAndLadder() throws Exception {
        String page = web.page("/registration?id=reg%40x", 200);
        assertThat(page).contains("Registration attempt <code class=\"call-id\">reg@x</code>")
                .contains("id=\"result-code\">403</span> Forbidden")
                .contains(escape(EN.explain(Situation.byId("auth.account-disabled"), Audience.ADMIN).title()))
                .contains("href=\"/account?id=alice\"");
        assertThat(arrows(page)).containsExactly("1", "2 failed");
        assertThat(web.page("/registration?id=nope%40x", 404)).contains("No registration attempt with Call-ID nope@x");
    }

    static List<String> arrows(String page) {
        return ARROW.matcher(page).results().map(m -> m.group(2) + (m.group(1) == null ? "" : " failed")).toList();
    }

    private static List<String> callIds(String page) {
        return Pattern.compile("<tr class=\"(?:failed|ok)\" data-call-id=\"([^\"]*)\"").matcher(page).results()
                .map(m -> m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).toList();
    }

    static String escape(String s) {
        return org.clearline.admin.http.Html.escape(s);
    }
}
