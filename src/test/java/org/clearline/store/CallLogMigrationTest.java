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
    void rowsOfTheFirstSchemaGetTheirKeysAndAreFoundByCallId() throws Exception {
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
             ResultSet r = s.executeQuery("SELECT call_id, call_key, at_ms FROM registration_log")) {
            int n = 0;
            while (r.next()) {
                assertThat(r.getLong(2)).as("SQL's key of %s is Java's", r.getString(1))
                        .isEqualTo(CallKeys.of(r.getString(1), r.getLong(3)));
                n++;
            }
            assertThat(n).isEqualTo(3);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN " + JdbcCallLogStore.byCallIdSql("registration_log", "at_ms", "id")
                     .replaceFirst("\\?", "5").replaceFirst("\\?", "'x'"))) {
            r.next();
            assertThat(r.getString(1)).as("a lookup by Call-ID probes the key's index once per minute")
                    .contains("REGISTRATION_LOG_BY_CALL_KEY").containsIgnoringCase("SYSTEM_RANGE");
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_NAME = 'CALL_LOG' AND COLUMN_NAME = 'CALL_KEY'")) {
            r.next();
            assertThat(r.getInt(1)).as("V6 drops the calls' per-row key and its index").isZero();
        }
    }

    @Test
    void callsLoggedBeforeV6GetTheirKeysInBatchesAndAreFoundByCallId() throws Exception {
        String url = Database.url(dir, CallLogDatabase.SPEC);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/calllog").target("5").load().migrate();
        int calls = 2 * CallLogKeysMigration.BATCH + 3;  // two full batches of keys and a short one
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = c.prepareStatement("INSERT INTO call_log (call_id, started_at, code, call_key)"
                     + " VALUES (?, ?, 486, ?)")) {
            for (int i = 0; i < calls; i++) {
                String callId = "v5-" + i + "@192.0.2.7";
                long at = 1_767_225_600_000L + i * 1_000L;
                s.setString(1, callId);
                s.setLong(2, at);
                s.setLong(3, CallKeys.of(callId, at));
                s.addBatch();
            }
            s.executeBatch();
        }

        try (JdbcStore store = JdbcStore.open(dir)) {
            for (int i : new int[] {0, 1, CallLogKeysMigration.BATCH - 1, CallLogKeysMigration.BATCH, calls - 1}) {
                assertThat(store.callLog().find("v5-" + i + "@192.0.2.7")).as("call %d", i).get()
                        .extracting(CallRecord::startedAt).isEqualTo(1_767_225_600_000L + i * 1_000L);
            }
            assertThat(store.callLog().find("v5-" + calls + "@192.0.2.7")).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(OCTET_LENGTH(keys)) FROM call_log_keys")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(3);
            assertThat(r.getLong(2)).isEqualTo((long) calls * CallLogKeys.ENTRY_BYTES);
        }
    }

    @Test
    void theKeyIsTheMinuteAboveTheLowBitsOfTheFirstEightBytesOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de... (FIPS 180-2, appendix B.1)
        assertThat(CallKeys.hash("abc")).isEqualTo(0xba7816bf8f01cfeaL);
        long minute = 1_767_225_600_000L / 60_000;  // 2026-01-01T00:00Z
        assertThat(CallKeys.of("abc", 1_767_225_600_000L + 59_999))
                .isEqualTo(minute << 37 | (0xba7816bf8f01cfeaL & ((1L << 37) - 1)));
        assertThat(CallKeys.of("abc", 1_767_225_660_000L)).as("the next minute")
                .isEqualTo(CallKeys.of("abc", 1_767_225_600_000L) + (1L << 37));
        assertThat(CallKeys.of("abc", -5)).as("before 1970: minute 0").isEqualTo(CallKeys.lowBits("abc"));
        assertThat(CallKeys.of("abc", 3_786_912_000_000L)).as("2090 still fits in a positive key").isPositive();
    }
}
