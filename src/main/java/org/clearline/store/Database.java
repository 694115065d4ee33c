package org.clearline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Opens an H2 file database of a data directory and brings its schema up to
 * date. A data directory holds two: the store (accounts, numbers, line
 * settings, registrations) and, apart from it, the call log.
 */
final class Database {
    /** File name (without H2's ".mv.db") of the store inside the data directory. */
    static final String FILE_NAME = "clearline";

    /**
     * One database of the data directory.
     *
     * @param fileName   H2 file name without ".mv.db"
     * @param migrations Flyway location of its schema
     * @param what       what it is, for error messages ("store", "call log")
     * @param poolName   Hikari pool (and thread) name
     * @param poolSize   connections at most
     * @param urlOptions H2 settings after the file name
     * @param connectionTimeoutMillis how long a caller waits for a free connection
     * @param code       migrations written in Java, beside those of {@code migrations}
     */
    record Spec(String fileName, String migrations, String what, String poolName, int poolSize, String urlOptions,
                long connectionTimeoutMillis, List<JavaMigration> code) {}

    /**
     * AUTO_SERVER: the first process opens the file and serves it over TCP on
     *   loopback; a second process (the CLI beside a running server) connects
     *   through it instead of failing on the file lock.
     * WRITE_DELAY=0: each commit is written to the file before commit()
     *   returns, so killing the process loses no acknowledged write.
     * (H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER, so its own exit
     *   hook closes the file whenever the JVM exits. The server therefore takes
     *   SIGTERM and SIGINT itself and lets the JVM exit only after it drained
     *   and closed its stores (admin.StopSignals). On any other exit, writes
     *   failing then were never acknowledged, so no registration is lost.)
     * LOCK_TIMEOUT: the CLI and the server may both write the version row.
     */
    static final Spec STORE = new Spec(FILE_NAME, "classpath:db/migration", "store", "clearline-store", 4,
            ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000", 10_000, List.of());

    private Database() {}

    static HikariDataSource open(Path dataDir) {
        return open(dataDir, STORE);
    }

    static HikariDataSource open(Path dataDir, Spec spec) {
        configureH2();
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new StoreException("data directory " + dir + " must not contain ';'");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + ErrorText.describe(e), e);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(dir, spec));
        } catch (RuntimeException e) {
            throw new StoreException("cannot open " + spec.what() + " in " + dir + ": " + ErrorText.describe(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations(spec.migrations())
                    .javaMigrations(spec.code().toArray(JavaMigration[]::new)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate " + spec.what() + " in " + dir + ": " + ErrorText.describe(e), e);
        }
        return pool;
    }

    /**
     * H2's JVM-wide settings, which it reads once, when it first loads: so they are
     * set before the first connection, and an operator's explicit value wins.
     *
     * <p>The auto-server of the first process would otherwise listen on every
     * interface and advertise the host name's address (a DNS look-up). Only
     * processes on this machine (the CLI) need it, so it listens on loopback.
     */
    static void configureH2() {
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
        // H2 keeps every value it reads or writes in a JVM-wide array on the chance that
        // it comes again. The log writes unique values (Call-IDs, tags, ladders) by the
        // thousand a second: each one stored there is work for the collector (an old
        // array pointing at a new object) and saves nothing.
        if (System.getProperty("h2.objectCache") == null) System.setProperty("h2.objectCache", "false");
    }

    static String url(Path dir) {
        return url(dir, STORE);
    }

    /** The JDBC URL of {@code spec} in {@code dir}; whoever connects with it gets H2 configured as the server has it. */
    static String url(Path dir, Spec spec) {
        configureH2();
        return "jdbc:h2:file:" + dir.resolve(spec.fileName()) + spec.urlOptions();
    }

    private static HikariConfig poolConfig(Path dir, Spec spec) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(dir, spec));
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName(spec.poolName());
        config.setMaximumPoolSize(spec.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(spec.connectionTimeoutMillis());
        return config;
    }
}
