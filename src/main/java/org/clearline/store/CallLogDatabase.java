package org.clearline.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log's own H2 file ({@code <dataDir>/calllog.mv.db}) with its own
 * small pool and schema ({@code db/calllog}). Apart from the store, so a log
 * that is full, slow or broken never touches accounts and registrations: H2
 * closes a whole database when its MVStore fails (out of memory while writing,
 * a damaged file), and the log is what grows.
 *
 * <p>Opened on first use, not with the store. When opening fails, or a failure
 * shows that H2 closed the database, the pool is dropped and opened again on a
 * later use, at most once per {@link #REOPEN_BACKOFF_NANOS}; in between, uses
 * fail at once with the last reason instead of waiting on a dead file.
 */
final class CallLogDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallLogDatabase.class);
    /** File name (without ".mv.db") of the call log inside the data directory. */
    static final String FILE_NAME = "calllog";
    /** How long after a failed open (or a closed database) the next attempt waits. */
    static final long REOPEN_BACKOFF_NANOS = 10_000_000_000L;
    /**
     * Like the store, reachable by the CLI through the auto-server on loopback.
     * Default WRITE_DELAY: a log row lost to a crash in the last half second is
     * acceptable, a disk write per batch is not needed. The page cache (CACHE_SIZE
     * in KB: 16 MB) holds the newest end of each index, where every insert goes,
     * beside the pages of new rows. It was sized when each row also had an entry
     * in an index of Call-IDs by minute (until V6 and V7, see {@link CallLogKeys}),
     * whose current minute alone took a few MB at 1750 calls/s: a 4 MB server failed
     * a benchmark step there that 16 MB passed (bench/RESULTS.md, fifth pass), so
     * the cache stays at the size measured most. A short lock and
     * connection timeout keep the writer from waiting long.
     */
    static final Database.Spec SPEC = new Database.Spec(FILE_NAME, "classpath:db/calllog", "call log",
            "clearline-calllog", 3, ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=5000;CACHE_SIZE=16384", 5_000,
            List.copyOf(CallLogKeysMigration.ALL));
    /**
     * H2 error codes after which the database is gone for this process: it was
     * closed (also by H2 itself after an MVStore panic), ran out of memory, or
     * its file is damaged. Reopening is the only way back.
     */
    private static final Set<Integer> FATAL = Set.of(90098, 90108, 90030, 90121, 50000);

    private final Path dataDir;
    private final long backoffNanos;
    private HikariDataSource pool;
    private long failedAtNanos;
    private int opens;
    private String problem;
    private boolean closed;

    CallLogDatabase(Path dataDir) {
        this(dataDir, REOPEN_BACKOFF_NANOS);
    }

    CallLogDatabase(Path dataDir, long backoffNanos) {
        this.dataDir = dataDir;
        this.backoffNanos = backoffNanos;
    }

    /** The data directory the log lives in (its ladder segments too). */
    Path dataDir() {
        return dataDir;
    }

    /** A connection to the log; the caller closes it. */
    Connection connection() throws SQLException {
        return pool().getConnection();
    }

    /** The pool, opened (or reopened) if needed; a one-line StoreException when the log cannot be used now. */
    synchronized HikariDataSource pool() {
        if (closed) throw new StoreException("call log is closed");
        if (pool != null) return pool;
        if (problem != null && System.nanoTime() - failedAtNanos < backoffNanos) {
            throw new StoreException("call log unavailable: " + problem);
        }
        try {
            pool = Database.open(dataDir, SPEC);
            opens++;
            if (problem != null) log.info("call log reopened after: {}", problem);
            problem = null;
            return pool;
        } catch (StoreException e) {
            failed(e.getMessage());
            throw e;
        }
    }

    /**
     * How often the log was opened so far. A reopen after a failure may find less
     * than was written before it: H2 writes its last half second in the background.
     */
    synchronized int opens() {
        return opens;
    }

    /** Opens the log now if it is not open; null when usable, else why not (one line). */
    String check() {
        try {
            pool();
            return null;
        } catch (StoreException e) {
            return e.getMessage();
        }
    }

    /** Tells the database a statement failed; a failure that means H2 closed it drops the pool for a reopen. */
    void failed(SQLException e) {
        if (!isFatal(e)) return;
        HikariDataSource dead;
        synchronized (this) {
            dead = pool;
            pool = null;
            failed(ErrorText.describe(e));
        }
        log.warn("call log database failed, will reopen it: {}", ErrorText.describe(e));
        if (dead != null) dead.close();
    }

    private void failed(String why) {
        problem = why;
        failedAtNanos = System.nanoTime();
    }

    private static boolean isFatal(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && FATAL.contains(s.getErrorCode())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Closes the pool now: later uses fail with "call log is closed" (tests use it to break the log). */
    @Override
    public void close() {
        HikariDataSource p;
        synchronized (this) {
            closed = true;
            p = pool;
            pool = null;
        }
        if (p != null) p.close();
    }
}
