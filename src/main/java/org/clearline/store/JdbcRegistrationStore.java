package org.clearline.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.clearline.store.GroupCommitWriter.PendingWrite;

/**
 * {@link RegistrationStore} with group commit: {@link #apply} only enqueues
 * (bounded), and one writer thread commits whatever accumulated in a single
 * transaction. Futures complete on the writer thread after the commit reached
 * the database file.
 */
public final class JdbcRegistrationStore implements RegistrationStore, AutoCloseable {
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** Most {@code apply()} calls committed in one transaction. */
    public static final int MAX_BATCH = 1_000;

    private static final String COLUMNS =
            "sip_id, contact, call_id, cseq, expires_at, registered_at, q, path, source, user_agent";

    private final Jdbc jdbc;
    private final BlockingQueue<PendingWrite> queue;
    private final PendingWrite stop = new PendingWrite(List.of(), new CompletableFuture<>());
    private final GroupCommitWriter writer;
    private final Thread writerThread;
    // apply() offers under the read lock, close() flips `closed` under the write
    // lock: once closed, nothing can slip into the queue behind the stop marker.
    private final ReadWriteLock admission = new ReentrantReadWriteLock();
    private boolean closed;

    JdbcRegistrationStore(Jdbc jdbc, int queueCapacity) {
        this.jdbc = jdbc;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new GroupCommitWriter(jdbc.dataSource(), queue, stop, MAX_BATCH);
        this.writerThread = Thread.ofPlatform().name("registration-writer").daemon(true).start(writer);
    }

    @Override
    public List<Registration> loadAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM registration ORDER BY sip_id, contact", s -> {},
                row -> new Registration(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getDouble(7), row.getString(8), row.getString(9),
                        row.getString(10)));
    }

    /**
     * Queues the changes of one REGISTER. The future fails (never throws) with a
     * {@link StoreException} when the changes are malformed, the queue is full
     * or the store is closed.
     */
    @Override
    public CompletableFuture<Void> apply(List<RegistrationChange> changes) {
        var problem = RegistrationStatements.problem(changes);
        if (problem.isPresent()) return CompletableFuture.failedFuture(new StoreException(problem.get()));
        PendingWrite pending = new PendingWrite(List.copyOf(changes), new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (closed) return CompletableFuture.failedFuture(new StoreException("registration store is closed"));
            if (!queue.offer(pending)) {
                return CompletableFuture.failedFuture(new StoreException(
                        "registration store overloaded: " + queue.size() + " writes waiting"));
            }
        } finally {
            admission.readLock().unlock();
        }
        return pending.done();
    }

    /** Deletes bindings that lapsed at or before {@code nowMillis}; returns how many. Blocking. */
    public int purgeExpired(long nowMillis) {
        return jdbc.update("DELETE FROM registration WHERE expires_at <= ?", s -> s.setLong(1, nowMillis));
    }

    public GroupCommitStats stats() {
        return writer.stats();
    }

    /** Stops accepting writes, lets the writer commit everything queued, and waits for it. */
    @Override
    public void close() {
        admission.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
        } finally {
            admission.writeLock().unlock();
        }
        // Not interruptible on purpose: returning early would let the caller
        // close the database under the writer and lose acknowledged-to-be writes.
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(stop);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (true) {
            try {
                writerThread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
