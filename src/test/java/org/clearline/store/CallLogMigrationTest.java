package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.clearline.store.LoggedMessage.Direction;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log written by an earlier schema (Call-ID index, zlib ladders) is still found by Call-ID after the upgrade. */
class CallLogMigrationTest {
    @TempDir Path dir;

    @Test
    void rowsOfTheFirstSchemaAreFoundByCallIdAfterTheUpgrade() throws Exception {
        String url = Database.url(dir, CallLogDatabase.SPEC);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/calllog").target("1").load().migrate();
        byte[] zlibLadder;
        try (LadderEncoder zlib = new LadderEncoder(LadderBlob.ZLIB)) {
            zlibLadder = zlib.encode(List.of(new LoggedMessage(1_000, Direction.IN, "udp:192.0.2.10:5060",
                    "INVITE sip:bob@example.com SIP/2.0", "INVITE sip:bob@example.com SIP/2.0\r\n\r\n")));
        }
        // Call-IDs with non-ASCII and one that shares nothing with the others
        List<String> callIds = List.of("a84b4c76e66710@pc33.example.com", "zwölf-ä@192.0.2.4", "x");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String id : callIds) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO call_log (call_id, started_at, code, ladder)"
                        + " VALUES (?, 1000, 480, ?)")) {
                    s.setString(1, id);
                    s.setBytes(2, zlibLadder);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_log (call_id, at_ms, sip_id,"
                        + " code) VALUES (?, 2000, 'alice', 401)")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
        }

        try (JdbcStore store = JdbcStore.open(dir)) {
            for (String id : callIds) {
                CallRecord call = store.callLog().find(id).orElseThrow();
                assertThat(call.code()).isEqualTo(480);
                assertThat(call.messages()).as("the zlib ladder of the first version").hasSize(1);
                assertThat(store.callLog().findRegistration(id).orElseThrow().sipId()).isEqualTo("alice");
            }
            assertThat(store.callLog().find("not-there")).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                     + " WHERE INDEX_NAME IN ('CALL_LOG_BY_CALL_KEY', 'REGISTRATION_LOG_BY_CALL_KEY')),"
                     + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'CALL_KEY'"
                     + " AND IS_NULLABLE = 'YES' AND TABLE_NAME IN ('CALL_LOG', 'REGISTRATION_LOG'))")) {
            r.next();
            assertThat(r.getInt(1)).as("V6 and V7 drop the per-row key's index").isZero();
            assertThat(r.getInt(2)).as("... and leave its column NULL, without copying the table").isEqualTo(2);
        }
    }

    @Test
    void idsComeFromALargeSequenceCacheAndGoOnGrowingAfterAReopen() throws Exception {
        String url = Database.url(dir, CallLogDatabase.SPEC);
        for (int round = 0; round < 2; round++) {  // the second round reopens the log
            try (JdbcCallLogStore log = JdbcCallLogStore.open(dir)) {
                for (int i = 0; i < 3; i++) {
                    log.append(List.of(new CallRecord("call-" + round + "-" + i, 1_000 + i, "udp:192.0.2.10:5060",
                            "sip:alice@example.com", "alice", "bob", null, 486, null, 5, 10, -1, 0, List.of())),
                            List.of(new RegistrationRecord("reg-" + round + "-" + i, 1_000 + i, "udp:192.0.2.10:5060",
                                    "alice", 200, null, List.of(), 0, null)));
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE COLUMN_NAME = 'ID' AND TABLE_NAME IN ('CALL_LOG', 'REGISTRATION_LOG')")) {
                int tables = 0;
                while (r.next()) {
                    assertThat(r.getLong(2)).as("V8: %s's sequence writes its state every 10,000 ids",
                            r.getString(1)).isEqualTo(10_000);
                    tables++;
                }
                assertThat(tables).isEqualTo(2);
            }
            for (String table : List.of("call_log", "registration_log")) {
                List<String> inOrder = new java.util.ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT call_id FROM " + table + " ORDER BY id")) {
                    while (r.next()) inOrder.add(r.getString(1));
                }
                String kind = table.equals("call_log") ? "call-" : "reg-";
                assertThat(inOrder).as("retention deletes the lowest ids first: they must follow the writes")
                        .containsExactly(kind + "0-0", kind + "0-1", kind + "0-2", kind + "1-0", kind + "1-1",
                                kind + "1-2");
            }
        }
    }

    @Test
    void rowsLoggedBeforeV6AndV7GetTheirKeysInBatchesAndAreFoundByCallId() throws Exception {
        String url = Database.url(dir, CallLogDatabase.SPEC);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/calllog").target("1").load().migrate();
        int rows = 2 * CallLogKeysMigration.BATCH + 3;  // two full batches of keys and a short one
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement calls = c.prepareStatement("INSERT INTO call_log (call_id, started_at, code)"
                     + " VALUES (?, ?, 486)");
             PreparedStatement registrations = c.prepareStatement("INSERT INTO registration_log (call_id, at_ms,"
                     + " sip_id, code) VALUES (?, ?, 'alice', 200)")) {
            for (int i = 0; i < rows; i++) {
                long at = 1_767_225_600_000L + i * 1_000L;
                calls.setString(1, "old-" + i + "@192.0.2.7");
                calls.setLong(2, at);
                calls.addBatch();
                registrations.setString(1, "old-" + i + "@192.0.2.7");
                registrations.setLong(2, at);
                registrations.addBatch();
            }
            calls.executeBatch();
            registrations.executeBatch();
        }

        // V2 and V3 computed each row's key in SQL; V6 and V7 packed its low bits, which Java's must match
        try (JdbcStore store = JdbcStore.open(dir)) {
            for (int i : new int[] {0, 1, CallLogKeysMigration.BATCH - 1, CallLogKeysMigration.BATCH, rows - 1}) {
                long at = 1_767_225_600_000L + i * 1_000L;
                assertThat(store.callLog().find("old-" + i + "@192.0.2.7")).as("call %d", i).get()
                        .extracting(CallRecord::startedAt).isEqualTo(at);
                assertThat(store.callLog().findRegistration("old-" + i + "@192.0.2.7")).as("registration %d", i)
                        .get().extracting(RegistrationRecord::atMillis).isEqualTo(at);
            }
            assertThat(store.callLog().find("old-" + rows + "@192.0.2.7")).isEmpty();
            assertThat(store.callLog().findRegistration("old-" + rows + "@192.0.2.7")).isEmpty();
        }
        for (String keys : List.of("call_log_keys", "registration_log_keys")) {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(OCTET_LENGTH(keys)) FROM " + keys)) {
                r.next();
                assertThat(r.getInt(1)).as(keys).isEqualTo(3);
                assertThat(r.getLong(2)).as(keys).isEqualTo((long) rows * CallLogKeys.ENTRY_BYTES);
            }
        }
    }

    @Test
    void theKeyIsTheLow32BitsOfTheFirstEightBytesOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de... (FIPS 180-2, appendix B.1)
        assertThat(CallLogKeys.hash("abc")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(CallLogKeys.key("abc")).isEqualTo(0x8f01cfea);
        assertThat(CallLogKeys.key(null)).as("no Call-ID hashes as the empty one").isEqualTo(CallLogKeys.key(""));
    }
}
