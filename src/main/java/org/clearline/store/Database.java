package org.clearline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Opens the H2 file database of a data directory and brings its schema up to date. */
final class Database {
    /** File name (without H2's ".mv.db") of the database inside the data directory. */
    static final String FILE_NAME = "clearline";

    private Database() {}

    static HikariDataSource open(Path dataDir) {
        keepAutoServerOnLoopback();
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
            pool = new HikariDataSource(poolConfig(dir));
        } catch (RuntimeException e) {
            throw new StoreException("cannot open store in " + dir + ": " + ErrorText.describe(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate store in " + dir + ": " + ErrorText.describe(e), e);
        }
        return pool;
    }

    /**
     * The auto-server of the first process would otherwise listen on every
     * interface and advertise the host name's address (a DNS look-up). Only
     * processes on this machine (the CLI) need it, so it listens on loopback.
     * H2 reads this JVM-wide property once, when it first loads, so it is set
     * before the first connection; an operator's explicit value wins.
     */
    private static void keepAutoServerOnLoopback() {
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    static String url(Path dir) {
        // AUTO_SERVER: the first process opens the file and serves it over TCP on
        //   loopback; a second process (the CLI beside a running server) connects
        //   through it instead of failing on the file lock.
        // WRITE_DELAY=0: each commit is written to the file before commit()
        //   returns, so killing the process loses no acknowledged write.
        // (H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER, so its own exit
        //   hook may close the file while ours drains the registration writer;
        //   writes failing then were never acknowledged, so none is lost.)
        // LOCK_TIMEOUT: the CLI and the server may both write the version row.
        return "jdbc:h2:file:" + dir.resolve(FILE_NAME)
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    private static HikariConfig poolConfig(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(dir));
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("clearline-store");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return config;
    }
}
