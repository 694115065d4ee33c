package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(log.list(new CallFilter(false, null, 0, 486, 10))).extracting(CallRecord::callId)
                .containsExactly("c3");
        assertThat(log.list(new CallFilter(false, "alice", 0, 200, 10))).extracting(CallRecord::callId)
                .containsExactly("c1");
        assertThat(log.list(new CallFilter(true, null, 0, 200, 10))).as("a 200 is no failure").isEmpty();
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
        assertThat(store.callLog().registrations(null, 0, true, 10)).extracting(RegistrationRecord::callId)
                .containsExactly("r1");
        assertThat(store.callLog().registrations("bob", 0, true, 10)).isEmpty();
    }

    @Test
    void findsACallIdAcrossTheMonthTheLogHoldsAndTheNewestAttemptOfIt() {
        long day = 86_400_000L;
        long t0 = 1_767_225_600_000L;  // 2026-01-01T00:00Z
        // rows over 30 days, with the same Call-ID on the first and last day
        store.callLog().append(List.of(
                call("again", t0, "alice", "bob", 486, null),
                call("first-minute", t0 + 59_999, "alice", "bob", 404, null),
                call("mid", t0 + 15 * day + 12_345, "alice", "bob", 480, null),
                call("again", t0 + 30 * day, "alice", "bob", 603, null),
                call("last-minute", t0 + 30 * day + 1, "alice", "bob", 408, null)), List.of());
        store.callLog().append(List.of(), List.of(
                new RegistrationRecord("again", t0 + 30 * day, "udp:192.0.2.1:5060", "alice", 200, null),
                new RegistrationRecord("again", t0, "udp:192.0.2.1:5060", "alice", 403, "auth.wrong-password"),
                new RegistrationRecord("early", t0 + 1, "udp:192.0.2.1:5060", "alice", 401, null)));

        CallLogStore log = store.callLog();
        assertThat(log.find("again").orElseThrow().code()).as("the newest of two attempts a month apart").isEqualTo(603);
        assertThat(log.find("first-minute").orElseThrow().code()).isEqualTo(404);
        assertThat(log.find("mid").orElseThrow().code()).isEqualTo(480);
        assertThat(log.find("last-minute").orElseThrow().code()).isEqualTo(408);
        assertThat(log.find("early")).as("a registration's Call-ID is no call").isEmpty();
        assertThat(log.find("never")).isEmpty();
        assertThat(log.findRegistration("again").orElseThrow().code()).isEqualTo(200);
        assertThat(log.findRegistration("early").orElseThrow().code()).isEqualTo(401);
        assertThat(log.findRegistration("mid")).isEmpty();
    }

    @Test
    void callIdsThatShareAKeyAreToldApartAndTheKeysOfPurgedBatchesGo() throws Exception {
        // two Call-IDs whose hashes agree in the 32 bits a batch keeps (found in about 2^16 tries)
        Map<Integer, String> seen = new HashMap<>();
        String[] pair = null;
        for (int i = 0; pair == null; i++) {
            String id = "k" + i + "@192.0.2.9";
            String other = seen.putIfAbsent(CallLogKeys.key(id), id);
            if (other != null) pair = new String[] {other, id};
        }
        store.callLog().append(List.of(call(pair[0], 1_000, "a", "b", 404, null)), List.of());
        store.callLog().append(List.of(call("between", 2_000, "a", "b", 486, null),
                call(pair[1], 3_000, "a", "b", 480, null)), List.of());
        store.callLog().append(List.of(call("newest", 4_000, "a", "b", 603, null)), List.of());

        assertThat(store.callLog().find(pair[0]).orElseThrow().code()).as("past the newer row with its key")
                .isEqualTo(404);
        assertThat(store.callLog().find(pair[1]).orElseThrow().code()).isEqualTo(480);
        assertThat(keyBatches()).isEqualTo(3);

        assertThat(store.callLog().purge(2_500, 100)).isEqualTo(2);
        assertThat(keyBatches()).as("the first batch's keys went with its call; the second keeps one").isEqualTo(2);
        assertThat(store.callLog().find(pair[0])).isEmpty();
        assertThat(store.callLog().find("between")).isEmpty();
        assertThat(store.callLog().find(pair[1]).orElseThrow().code()).isEqualTo(480);
        assertThat(store.callLog().purge(Long.MAX_VALUE, 100)).isEqualTo(2);
        assertThat(keyBatches()).isZero();
    }

    private int keyBatches() throws Exception {
        try (Connection c = DriverManager.getConnection(Database.url(dir, CallLogDatabase.SPEC), "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM call_log_keys")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anEmptyLogFindsNothing() {
        assertThat(store.callLog().find("c1@x")).isEmpty();
        assertThat(store.callLog().findRegistration("r1")).isEmpty();
    }

    @Test
    void purgesByAgeAndByRowCount() {
        store.callLog().append(List.of(call("old", 1_000, "a", "b", 404, null), call("mid", 5_000, "a", "b", 404, null),
                call("new1", 6_000, "a", "b", 404, null), call("new2", 7_000, "a", "b", 404, null)), List.of());
        assertThat(store.callLog().purge(2_000, 2)).isEqualTo(2);
        assertThat(store.callLog().list(CallFilter.ALL)).extracting(CallRecord::callId).containsExactly("new2", "new1");
        assertThat(store.callLog().find("old")).isEmpty();
    }

    @Test
    void aCallIsOneRowInTheLogsOwnFileWithItsRouteAndItsLadderInASegment() throws Exception {
        List<RouteStep> route = List.of(new RouteStep(RouteStep.Kind.FORWARD, "bob -> carol", "busy"),
                new RouteStep(RouteStep.Kind.CONTACT, "carol: phone 1", "sip:carol@192.0.2.30:5060"));
        store.callLog().append(List.of(call("c1@x", 1_000, "alice", "bob", 480, null).withRoute(route),
                call("c2@x", 1_001, "alice", "bob", 480, null)), List.of());

        assertThat(store.callLog().find("c1@x").orElseThrow().route()).isEqualTo(route);
        assertThat(store.callLog().list(CallFilter.ALL).get(1).route()).as("listings carry the route").isEqualTo(route);
        assertThat(dir.resolve("calllog.mv.db")).isRegularFile();
        try (Connection log = DriverManager.getConnection(Database.url(dir, CallLogDatabase.SPEC), "sa", "");
             Statement s = log.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(ladder), MIN(ladder_offset), MAX(ladder_offset),"
                     + " MAX(ladder_length), MAX(ladder_segment), (SELECT COUNT(*) FROM ladder_segment),"
                     + " (SELECT MAX(entries) FROM ladder_segment) FROM call_log")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(2);
            assertThat(r.getInt(2)).as("no ladder in the rows themselves").isZero();
            assertThat(r.getInt(3)).isZero();
            assertThat(r.getInt(4)).as("the second ladder right after the first").isEqualTo(r.getInt(5))
                    .isBetween(20, 200);
            assertThat(r.getInt(7)).as("one segment").isEqualTo(1);
            assertThat(r.getInt(8)).as("two rows point into it").isEqualTo(2);
            assertThat(dir.resolve(LadderSegments.DIRECTORY).resolve(String.format("%012d.ladders", r.getLong(6))))
                    .as("both ladders, one after the other").hasSize(2L * r.getInt(5));
        }
        try (Connection main = DriverManager.getConnection(Database.url(dir), "sa", "");
             Statement s = main.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_NAME IN ('CALL_LOG', 'CALL_MESSAGE', 'REGISTRATION_LOG', 'LADDER_SEGMENT')")) {
            r.next();
            assertThat(r.getInt(1)).as("no log tables in the store's database").isZero();
        }
    }

    @Test
    void aRowWrittenBeforeLadderSegmentsReadsItsOwnLadder() throws Exception {
        store.callLog().append(List.of(call("c1@x", 1_000, "alice", "bob", 480, "callee.offline")), List.of());
        byte[] own = new LadderEncoder().encode(call("c1@x", 1_000, "alice", "bob", 480, null).messages().subList(0, 2));
        try (Connection log = DriverManager.getConnection(Database.url(dir, CallLogDatabase.SPEC), "sa", "");
             var s = log.prepareStatement("UPDATE call_log SET ladder = ?, ladder_segment = NULL, ladder_offset = NULL,"
                     + " ladder_length = NULL WHERE call_id = 'c1@x'")) {
            s.setBytes(1, own);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(store.callLog().find("c1@x").orElseThrow().messages()).extracting(LoggedMessage::startLine)
                .containsExactly("INVITE sip:bob@example.com SIP/2.0", "SIP/2.0 100 Trying");
    }

    @Test
    void aDamagedLadderIsReportedWithTheRestOfTheCall() throws Exception {
        store.callLog().append(List.of(call("c1@x", 1_000, "alice", "bob", 480, "callee.offline")), List.of());
        try (Connection log = DriverManager.getConnection(Database.url(dir, CallLogDatabase.SPEC), "sa", "");
             Statement s = log.createStatement()) {
            s.executeUpdate("UPDATE call_log SET ladder = X'01789c0000', ladder_segment = NULL, ladder_offset = NULL,"
                    + " ladder_length = NULL WHERE call_id = 'c1@x'");
        }
        CallRecord found = store.callLog().find("c1@x").orElseThrow();
        assertThat(found.situation()).isEqualTo("callee.offline");
        assertThat(found.messages()).isEmpty();
        assertThat(found.ladderProblem()).startsWith("ladder is ");
    }

    @Test
    void aLadderWhoseSegmentWasCutOrLostIsNamedNotReadShort() throws Exception {
        store.callLog().append(List.of(call("c1@x", 1_000, "alice", "bob", 480, "callee.offline"),
                call("c2@x", 1_001, "alice", "bob", 480, "callee.offline")), List.of());
        Path segment;
        try (var files = Files.list(dir.resolve(LadderSegments.DIRECTORY))) {
            segment = files.findFirst().orElseThrow();
        }
        try (FileChannel f = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            f.truncate(f.size() - 3);
        }
        assertThat(store.callLog().find("c1@x").orElseThrow().messages()).as("the first slice is whole").hasSize(3);
        CallRecord cut = store.callLog().find("c2@x").orElseThrow();
        assertThat(cut.messages()).isEmpty();
        assertThat(cut.ladderProblem()).startsWith("ladder is missing: ").contains(segment.getFileName().toString())
                .endsWith("are not there (the file was cut or deleted)");
        assertThat(cut.situation()).as("the rest of the call is there").isEqualTo("callee.offline");

        Files.delete(segment);
        assertThat(store.callLog().find("c1@x").orElseThrow().ladderProblem()).startsWith("ladder is missing: ");
    }

    @Test
    void aRegistrationAttemptKeepsItsLadder() {
        String peer = "udp:192.0.2.1:5060";
        List<LoggedMessage> ladder = List.of(
                new LoggedMessage(1_000, Direction.IN, peer, "REGISTER sip:example.com SIP/2.0", "REGISTER ...\r\n\r\n"),
                new LoggedMessage(1_001, Direction.OUT, peer, "SIP/2.0 401 Unauthorized", "SIP/2.0 401 ...\r\n\r\n"),
                new LoggedMessage(1_040, Direction.IN, peer, "REGISTER sip:example.com SIP/2.0", "REGISTER ...\r\n\r\n"),
                new LoggedMessage(1_041, Direction.OUT, peer, "SIP/2.0 200 OK", "SIP/2.0 200 OK\r\n\r\n"));
        store.callLog().append(List.of(), List.of(
                new RegistrationRecord("r1", 1_000, peer, "alice", 200, null, ladder, 2, null),
                new RegistrationRecord("r1", 900, peer, "alice", 403, "auth.wrong-password")));

        RegistrationRecord found = store.callLog().findRegistration("r1").orElseThrow();
        assertThat(found.code()).as("the latest attempt of that Call-ID").isEqualTo(200);
        assertThat(found.messages()).isEqualTo(ladder);
        assertThat(found.messagesDropped()).isEqualTo(2);
        assertThat(store.callLog().registrations("alice", 0, 10)).extracting(RegistrationRecord::messages)
                .as("listings leave the messages out").containsOnly(List.of());
        assertThat(store.callLog().findRegistration("nope")).isEmpty();
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
