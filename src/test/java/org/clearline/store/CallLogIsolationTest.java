package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call log is its own database: whatever happens to it, accounts and
 * registrations go on, and a log that H2 closed comes back by itself.
 */
class CallLogIsolationTest {
    @TempDir Path dir;

    @Test
    void aLogThatCannotOpenLeavesTheStoreWorking() throws Exception {
        Files.createDirectories(dir.resolve("calllog.mv.db"));  // a directory where the file should be
        try (JdbcStore store = JdbcStore.open(dir)) {
            assertThat(store.callLog().check()).startsWith("cannot open call log in ");
            assertThatThrownBy(() -> store.callLog().append(List.of(call("c1")), List.of()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("call log unavailable: cannot open call log in ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            assertRegistrationRoundTrip(store);
        }
    }

    @Test
    void aClosedLogLeavesTheStoreWorking() throws Exception {
        try (JdbcStore store = JdbcStore.open(dir)) {
            store.callLog().append(List.of(call("c1")), List.of());
            store.callLog().close();  // the log's pool is gone, as after a failure that killed it
            assertThatThrownBy(() -> store.callLog().append(List.of(call("c2")), List.of()))
                    .isInstanceOf(StoreException.class).hasMessage("call log is closed");

            assertRegistrationRoundTrip(store);
        }
    }

    @Test
    void aLogThatH2ClosedIsOpenedAgain() throws Exception {
        CallLogDatabase database = new CallLogDatabase(dir, 0);
        try (JdbcCallLogStore log = new JdbcCallLogStore(database)) {
            log.append(List.of(call("c1")), List.of());
            Connection c = database.connection();
            c.createStatement().execute("SHUTDOWN");  // what H2 does to a database whose MVStore failed
            try {
                c.close();
            } catch (SQLException expected) {
                // the pool's rollback on a connection whose database is gone
            }
            assertThatThrownBy(() -> log.append(List.of(call("c2")), List.of()))
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("call log write failed: ");

            log.append(List.of(call("c3")), List.of());
            assertThat(log.list(CallFilter.ALL)).extracting(CallRecord::callId).containsExactly("c3", "c1");
        }
    }

    @Test
    void aDataDirectoryWithTheOldLogTablesStartsAndDropsThem() throws Exception {
        // the store as the previous version left it: call log tables in the main database, with rows
        Database.configureH2();
        String url = Database.url(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO call_log (call_id, started_at, code) VALUES ('old', 1, 480)");
            s.executeUpdate("INSERT INTO call_message (call_log_id, seq, at_ms, direction, peer, start_line, text)"
                    + " SELECT id, 0, 1, 'in', 'p', 'INVITE', 'INVITE' FROM call_log");
            s.executeUpdate("INSERT INTO account (sip_id, ha1_md5, ha1_sha256) VALUES ('alice', 'x', 'y')");
        }
        try (JdbcStore store = JdbcStore.open(dir)) {
            assertThat(store.accounts().find("alice")).isPresent();
            assertThat(store.callLog().find("old")).as("old rows are not carried over").isEmpty();
            store.callLog().append(List.of(call("new")), List.of());
            assertThat(store.callLog().find("new")).isPresent();
        }
    }

    private static void assertRegistrationRoundTrip(JdbcStore store) {
        store.accounts().put(StoreFixtures.account("alice"));
        Registration binding = StoreFixtures.binding("alice", 5064, Long.MAX_VALUE);
        store.registrations().apply(StoreFixtures.upsert(binding)).join();
        assertThat(store.registrations().loadAll()).containsExactly(binding);
    }

    private static CallRecord call(String id) {
        return new CallRecord(id, System.currentTimeMillis(), "udp:192.0.2.1:5060", "sip:a@x", "a", "b", null, 486,
                null, -1, -1, -1, 0, List.of(new LoggedMessage(1, LoggedMessage.Direction.IN, "udp:192.0.2.1:5060",
                        "INVITE sip:b@x SIP/2.0", "INVITE sip:b@x SIP/2.0\r\n\r\n")));
    }
}
