package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.clearline.admin.api.ApiHarness.Response;
import org.clearline.admin.calls.LoggedCalls;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RouteStep;
import org.clearline.store.LoggedMessage.Direction;
import org.clearline.store.LoggedMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /calls} and {@code /registration-attempts} over a log written straight into the store. */
class CallApiTest extends OneServerPerClass {
    private static final String ALICE = LoggedCalls.ALICE;
    private static final String BOB = LoggedCalls.BOB;

    long now;

    @BeforeAll
    void start() throws Exception {
        now = System.currentTimeMillis();
        api.store.callLog().append(LoggedCalls.sample(now).stream().map(c -> c.callId().equals("busy@x")
                        ? c.withRoute(List.of(new RouteStep(RouteStep.Kind.FORWARD, "carol -> dave", "busy"),
                                new RouteStep(RouteStep.Kind.TRUNK, "trunk carrier", "sip:+4930123456@192.0.2.20")))
                        : c).toList(),
                List.of(new RegistrationRecord("r1@x", now - 7_200_000L, ALICE, "alice", 200, null),
                        new RegistrationRecord("r2@x", now - 120_000L, ALICE, "alice", 403, "auth.account-disabled",
                                List.of(msg(now - 120_000L, Direction.IN, "REGISTER sip:example.com SIP/2.0"),
                                        msg(now - 119_999L, Direction.OUT, "SIP/2.0 401 Unauthorized"),
                                        msg(now - 119_960L, Direction.IN, "REGISTER sip:example.com SIP/2.0"),
                                        msg(now - 119_959L, Direction.OUT, "SIP/2.0 403 Forbidden")), 0, null),
                        new RegistrationRecord("r3@x", now - 60_000L, BOB, "bob", 200, null)));
    }

    private static LoggedMessage msg(long at, Direction direction, String startLine) {
        return new LoggedMessage(at, direction, ALICE, startLine, startLine + "\r\n\r\n");
    }

    private List<String> ids(String query) {
        Response r = api.get("/calls" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("calls").findValuesAsText("callId");
    }

    @Test
    void callsAreListedNewestFirstWithFilters() {
        assertThat(ids("")).containsExactly("busy@x", "offline@x", "old@x");
        assertThat(ids("?failed=true")).containsExactly("busy@x", "offline@x");
        assertThat(ids("?failed=false")).containsExactly("busy@x", "offline@x", "old@x");
        assertThat(ids("?account=alice")).containsExactly("offline@x", "old@x");
        assertThat(ids("?account=%2B4930123456")).containsExactly("busy@x");
        assertThat(ids("?code=486")).containsExactly("busy@x");
        assertThat(ids("?code=480&account=carol")).isEmpty();
        assertThat(ids("?since=2h")).containsExactly("busy@x", "offline@x");
        assertThat(ids("?since=" + Instant.ofEpochMilli(now - 1_800_000L))).containsExactly("busy@x");
        assertThat(ids("?limit=1")).containsExactly("busy@x");
        assertThat(ids("?failed=true&since=7d&limit=5&lang=de")).containsExactly("busy@x", "offline@x");
    }

    @Test
    void aRowCarriesTheSituationAndAOneLineSummary() {
        JsonNode rows = api.get("/calls").json().path("calls");
        JsonNode offline = rows.get(1);
        assertThat(offline.path("situation").asText()).isEqualTo("callee.offline");
        assertThat(offline.path("summary").asText()).isEqualTo("No phone registered");
        assertThat(offline.path("code").asInt()).isEqualTo(480);
        assertThat(offline.path("reason").asText()).isEqualTo("Temporarily Unavailable");
        assertThat(offline.path("startedAt").asText()).isEqualTo(Instant.ofEpochMilli(now - 3_600_000L).toString());
        assertThat(offline.path("durationMillis").isNull()).isTrue();
        assertThat(rows.get(0).path("situation").isNull()).as("relayed from the callee").isTrue();
        assertThat(rows.get(0).path("summary").asText()).isEqualTo("Busy");
        assertThat(rows.get(2).path("durationMillis").asLong()).isEqualTo(65_000);
        assertThat(rows.get(2).path("summary").asText()).isEqualTo("OK");
        assertThat(api.getInLanguage("/calls", "de-DE,de;q=0.9").json().path("calls").get(1)
                .path("summary").asText()).isNotEqualTo("No phone registered");
    }

    @Test
    void oneCallComesWithItsExplanationAndItsLadder() {
        Response r = api.get("/calls/offline@x");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.path("call").path("callId").asText()).isEqualTo("offline@x");
        assertThat(c.path("explanation").path("kind").asText()).isEqualTo("situation");
        JsonNode s = c.path("explanation").path("situation");
        assertThat(s.path("id").asText()).isEqualTo("callee.offline");
        assertThat(s.path("audience").asText()).isEqualTo("admin");
        assertThat(s.path("rfc").asText()).isEqualTo("RFC 3261 §21.4.18");
        assertThat(s.path("what").asText()).isNotBlank();
        JsonNode messages = c.path("messages");
        assertThat(messages.findValuesAsText("startLine")).containsExactly("INVITE sip:bob@example.com SIP/2.0",
                "SIP/2.0 100 Trying", "SIP/2.0 480 Temporarily Unavailable", "ACK sip:bob@example.com SIP/2.0");
        assertThat(messages.findValuesAsText("direction")).containsExactly("in", "out", "out", "in");
        assertThat(messages.get(2).path("offsetMillis").asLong()).isEqualTo(5);
        assertThat(messages.get(2).path("peer").asText()).isEqualTo(ALICE);
        assertThat(messages.get(2).path("text").asText()).isEqualTo("SIP/2.0 480 Temporarily Unavailable\r\n\r\n");
        assertThat(c.path("messagesDropped").asInt()).isZero();

        JsonNode caller = api.get("/calls/offline@x?audience=caller").json().path("explanation").path("situation");
        assertThat(caller.path("audience").asText()).isEqualTo("caller");
        assertThat(caller.path("title").asText()).isEqualTo("The person you called cannot be reached right now");
        Response de = api.get("/calls/offline@x?lang=de");
        assertThat(de.header("Content-Language")).isEqualTo("de");
        assertThat(de.json().path("explanation").path("situation").path("title").asText()).isNotEqualTo(s.path("title").asText());
    }

    @Test
    void aRelayedFailureIsExplainedByItsCodeAndASuccessNotAtAll() {
        JsonNode busy = api.get("/calls/busy@x?audience=owner").json();
        assertThat(busy.path("explanation").path("kind").asText()).isEqualTo("code");
        assertThat(busy.path("explanation").path("code").path("code").asInt()).isEqualTo(486);
        assertThat(busy.path("explanation").path("code").path("situations").findValuesAsText("id"))
                .contains("callee.call-limit");
        assertThat(busy.path("explanation").has("situation")).isFalse();
        assertThat(busy.path("messages").findValuesAsText("peer")).containsExactly(ALICE, BOB, BOB, ALICE);
        assertThat(busy.path("call").path("route").toString()).isEqualTo("[{\"kind\":\"forward\",\"label\":"
                + "\"carol -> dave\",\"detail\":\"busy\"},{\"kind\":\"trunk\",\"label\":\"trunk carrier\","
                + "\"detail\":\"sip:+4930123456@192.0.2.20\"}]");
        assertThat(busy.path("ladderProblem").isNull()).isTrue();
        assertThat(api.get("/calls/old@x").json().path("explanation").isNull()).isTrue();
    }

    @Test
    void registrationAttemptsAreListedWithFilters() {
        JsonNode all = api.get("/registration-attempts").json().path("attempts");
        assertThat(all.findValuesAsText("callId")).containsExactly("r3@x", "r2@x", "r1@x");
        JsonNode failed = all.get(1);
        assertThat(failed.toString()).isEqualTo("{\"callId\":\"r2@x\",\"at\":\"" + Instant.ofEpochMilli(now - 120_000L)
                + "\",\"source\":\"" + ALICE + "\",\"sipId\":\"alice\",\"code\":403,\"reason\":\"Forbidden\","
                + "\"situation\":\"auth.account-disabled\",\"summary\":\""
                + failed.path("summary").asText() + "\"}");
        assertThat(failed.path("summary").asText()).isNotBlank();
        assertThat(api.get("/registration-attempts?failed=true").json().path("attempts").findValuesAsText("callId"))
                .containsExactly("r2@x");
        assertThat(api.get("/registration-attempts?account=alice").json().path("attempts").findValuesAsText("callId"))
                .containsExactly("r2@x", "r1@x");
        assertThat(api.get("/registration-attempts?since=1h&limit=1").json().path("attempts").findValuesAsText("callId"))
                .containsExactly("r3@x");
    }

    @Test
    void oneRegistrationAttemptComesWithItsExplanationAndItsLadder() {
        JsonNode r = api.get("/registration-attempts/r2@x?audience=owner").json();
        assertThat(r.path("attempt").path("callId").asText()).isEqualTo("r2@x");
        assertThat(r.path("attempt").path("code").asInt()).isEqualTo(403);
        assertThat(r.path("explanation").path("kind").asText()).isEqualTo("situation");
        assertThat(r.path("explanation").path("situation").path("id").asText()).isEqualTo("auth.account-disabled");
        assertThat(r.path("explanation").path("situation").path("audience").asText()).isEqualTo("owner");
        assertThat(r.path("messages").findValuesAsText("startLine")).containsExactly(
                "REGISTER sip:example.com SIP/2.0", "SIP/2.0 401 Unauthorized", "REGISTER sip:example.com SIP/2.0",
                "SIP/2.0 403 Forbidden");
        assertThat(r.path("messages").get(3).path("offsetMillis").asLong()).isEqualTo(41);
        JsonNode ok = api.get("/registration-attempts/r1@x").json();
        assertThat(ok.path("explanation").isNull()).as("a success needs no explanation").isTrue();
        assertThat(ok.path("messages").size()).isZero();
        assertThat(api.get("/registration-attempts/nope@x").error(404, "callId"))
                .isEqualTo("no registration attempt with Call-ID 'nope@x' in the log");
        assertThat(api.get("/registration-attempts/r2@x?audience=boss").error(400, "audience")).startsWith("audience");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        for (String path : new String[] {"/calls", "/registration-attempts"}) {
            assertThat(api.get(path + "?failed=yes").error(400, "failed")).isEqualTo("failed must be true or false, got 'yes'");
            assertThat(api.get(path + "?limit=0").error(400, "limit")).isEqualTo("limit must be at least 1, got 0");
            assertThat(api.get(path + "?limit=10001").error(400, "limit")).isEqualTo("limit must be at most 10000, got 10001");
            assertThat(api.get(path + "?limit=ten").error(400, "limit")).isEqualTo("limit must be a whole number, got 'ten'");
            assertThat(api.get(path + "?since=yesterday").error(400, "since")).isEqualTo("since must be an age such as"
                    + " 30m, 2h, 7d or an ISO time such as 2026-01-01T08:00:00Z, got 'yesterday'");
            assertThat(api.get(path + "?account=a%20b").error(400, "account")).startsWith("account: SIP ID 'a b'");
            assertThat(api.get(path + "?lang=fr").error(400, "lang")).isEqualTo("lang must be en or de, got 'fr'");
            assertThat(api.get(path + "?sort=asc").error(400, "sort")).startsWith("unknown query parameter 'sort'");
        }
        assertThat(api.get("/calls?code=99").error(400, "code")).isEqualTo("code must be a SIP status code 100..699, got 99");
        assertThat(api.get("/calls?code=busy").error(400, "code")).isEqualTo("code must be a whole number, got 'busy'");
        assertThat(api.get("/calls/offline@x?audience=boss").error(400, "audience"))
                .isEqualTo("audience must be caller, owner or admin, got 'boss'");
    }

    @Test
    void anUnknownCallIs404() {
        assertThat(api.get("/calls/nope@x").error(404, "callId")).isEqualTo("no call with Call-ID 'nope@x' in the call log");
    }
}
