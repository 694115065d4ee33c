package org.clearline.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store of one data directory: an H2 file database {@code <dataDir>/clearline}
 * with accounts, numbers, registrations and a few meta values. Several processes
 * may open the same directory: the first serves it to the others (H2 auto-server),
 * which is how the CLI changes the accounts of a running server.
 *
 * <p>The call log is a second database in the same directory
 * ({@code <dataDir>/calllog}, see {@link JdbcCallLogStore}), opened on its first
 * use: it can neither keep the store from opening nor break it later.
 */
public final class JdbcStore implements AutoCloseable {
    /** Meta key of the digest realm the stored HA1 values were computed for. */
    public static final String META_REALM = "realm";

    private final Path dataDir;
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final JdbcAccountStore accounts;
    private final JdbcNumberStore numbers;
    private final JdbcRegistrationStore registrations;
    private final JdbcLineSettingsStore lines;
    private final JdbcCallLogStore callLog;

    private JdbcStore(Path dataDir, HikariDataSource pool, int registrationQueueCapacity) {
        this.dataDir = dataDir;
        this.pool = pool;
        this.jdbc = new Jdbc(pool);
        this.accounts = new JdbcAccountStore(jdbc);
        this.numbers = new JdbcNumberStore(jdbc);
        this.registrations = new JdbcRegistrationStore(jdbc, registrationQueueCapacity);
        this.lines = new JdbcLineSettingsStore(jdbc);
        this.callLog = new JdbcCallLogStore(new CallLogDatabase(dataDir));
    }

    /**
     * Opens (creating and migrating if needed) the store in {@code dataDir}.
     *
     * @throws StoreException with a one-line reason when the directory or database cannot be used
     */
    public static JdbcStore open(Path dataDir) {
        return open(dataDir, JdbcRegistrationStore.DEFAULT_QUEUE_CAPACITY);
    }

    public static JdbcStore open(Path dataDir, int registrationQueueCapacity) {
        if (registrationQueueCapacity < 1) throw new IllegalArgumentException("queue capacity must be positive");
        return new JdbcStore(dataDir, Database.open(dataDir), registrationQueueCapacity);
    }

    public Path dataDir() {
        return dataDir;
    }

    public JdbcAccountStore accounts() {
        return accounts;
    }

    public JdbcNumberStore numbers() {
        return numbers;
    }

    public JdbcLineSettingsStore lines() {
        return lines;
    }

    public JdbcCallLogStore callLog() {
        return callLog;
    }

    public JdbcRegistrationStore registrations() {
        return registrations;
    }

    public Optional<String> meta(String key) {
        return jdbc.query("SELECT meta_value FROM meta WHERE meta_key = ?", s -> s.setString(1, key),
                row -> row.getString(1)).stream().findFirst();
    }

    /** Sets a meta value; bumps the version only when the value actually changed. */
    public void putMeta(String key, String value) {
        jdbc.write(c -> {
            boolean same = Jdbc.exists(c, "SELECT 1 FROM meta WHERE meta_key = ? AND meta_value = ?", s -> {
                s.setString(1, key);
                s.setString(2, value);
            });
            if (same) return false;
            Jdbc.execute(c, "MERGE INTO meta (meta_key, meta_value) KEY (meta_key) VALUES (?, ?)", s -> {
                s.setString(1, key);
                s.setString(2, value);
            });
            return true;
        }, changed -> changed);
    }

    /**
     * A counter that grows with every account, number or meta change, from any
     * process. Cheap enough to poll every second to know when caches are stale.
     */
    public long version() {
        return jdbc.query("SELECT version FROM store_version WHERE id = 1", s -> {}, row -> row.getLong(1))
                .stream().findFirst().orElseThrow(() -> new StoreException("store_version row is missing"));
    }

    /** Drains pending registration writes, then closes the database connections (the call log's too). */
    @Override
    public void close() {
        try {
            registrations.close();
        } finally {
            try {
                pool.close();
            } finally {
                callLog.close();
            }
        }
    }
}
