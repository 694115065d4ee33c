package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcCallLogStoreTest {
    @TempDir Path dir;
    JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsACallWithItsLadderInOrder() {
        long version = store.version();
        store.callLog().append(List.of(call("c1@x", 1_000, "alice", "bob", 480, "callee.offline")), List.of());
        CallRecord found = store.callLog().find("c1@x").orElseThrow();
        assertThat(found.code()).isEqualTo(480);
        assertThat(found.situation()).isEqualTo("callee.offline");
        assertThat(found.calleeE164()).isNull();
        assertThat(found.messages()).extracting(LoggedMessage::startLine)
                .containsExactly("INVITE sip:bob@example.com SIP/2.0", "SIP/2.0 100 Trying",
                        "SIP/2.0 480 Temporarily Unavailable");
        assertThat(found.messages().get(0).direction()).isEqualTo(Direction.IN);
        assertThat(found.messages().get(2).text()).endsWith("Content-Length: 0\r\n\r\n");
        assertThat(store.callLog().find("nope")).isEmpty();
        assertThat(store.version()).as("the log does not invalidate the server's caches").isEqualTo(version);
    }

    @Test
    void listsNewestFirstWithFilters() {
        store.callLog().append(List.of(
                call("c1", 1_000, "alice", "bob", 200, null),
                call("c2", 2_000, "alice", "+4930123", 404, "number.no-route"),
                call("c3", 3_000, "carol", "bob", 486, null)), List.of());
        CallLogStore log = store.callLog();
        assertThat(log.list(CallFilter.ALL)).extracting(CallRecord::callId).containsExactly("c3", "c2", "c1");
        assertThat(log.list(CallFilter.ALL).get(0).messages()).isEmpty();
        assertThat(log.list(new CallFilter(true, null, 0, 10))).extracting(CallRecord::callId)
                .containsExactly("c3", "c2");
        assertThat(log.list(new CallFilter(false, "bob", 0, 10))).extracting(CallRecord::callId)
                .containsExactly("c3", "c1");
        assertThat(log.list(new CallFilter(false, "+4930123", 0, 10))).extracting(CallRecord::callId)
                .containsExactly("c2");
        assertThat(log.list(new CallFilter(false, null, 2_000, 10))).extracting(CallRecord::callId)
                .containsExactly("c3", "c2");
        assertThat(log.list(new CallFilter(false, null, 0, 1))).extracting(CallRecord::callId).containsExactly("c3");
    }

    @Test
    void keepsRegistrationAttempts() {
        store.callLog().append(List.of(), List.of(
                new RegistrationRecord("r1", 1_000, "udp:192.0.2.1:5060", "alice", 403, "auth.wrong-password"),
                new RegistrationRecord("r2", 2_000, "udp:192.0.2.1:5060", "bob", 200, null)));
        assertThat(store.callLog().registrations("alice", 0, 10)).extracting(RegistrationRecord::situation)
                .containsExactly("auth.wrong-password");
        assertThat(store.callLog().registrations(null, 0, 10)).extracting(RegistrationRecord::callId)
                .containsExactly("r2", "r1");
    }

    @Test
    void purgesByAgeAndByRowCount() {
        store.callLog().append(List.of(call("old", 1_000, "a", "b", 404, null), call("mid", 5_000, "a", "b", 404, null),
                call("new1", 6_000, "a", "b", 404, null), call("new2", 7_000, "a", "b", 404, null)), List.of());
        assertThat(store.callLog().purge(2_000, 2)).isEqualTo(2);
        assertThat(store.callLog().list(CallFilter.ALL)).extracting(CallRecord::callId).containsExactly("new2", "new1");
        assertThat(store.callLog().find("old")).isEmpty();
    }

    private static CallRecord call(String callId, long at, String caller, String callee, int code, String situation) {
        return new CallRecord(callId, at, "udp:192.0.2.1:5060", "sip:" + caller + "@example.com", caller, callee,
                callee.startsWith("+") ? callee : null, code, situation, -1, -1, -1, 0, List.of(
                        new LoggedMessage(at, Direction.IN, "udp:192.0.2.1:5060",
                                "INVITE sip:bob@example.com SIP/2.0", "INVITE sip:bob@example.com SIP/2.0\r\n\r\n"),
                        new LoggedMessage(at, Direction.OUT, "udp:192.0.2.1:5060", "SIP/2.0 100 Trying", "SIP/2.0 100 Trying\r\n\r\n"),
                        new LoggedMessage(at + 5, Direction.OUT, "udp:192.0.2.1:5060",
                                "SIP/2.0 " + code + " Temporarily Unavailable",
                                "SIP/2.0 480 Temporarily Unavailable\r\nContent-Length: 0\r\n\r\n")));
    }
}
