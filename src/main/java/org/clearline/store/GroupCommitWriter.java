package org.clearline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that writes registrations: it takes everything queued,
 * applies it in one transaction, commits once and only then completes the
 * futures of that batch. A thousand REGISTERs arriving while one commit is in
 * progress thus cost one further commit, not a thousand.
 */
final class GroupCommitWriter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One {@code apply()} call waiting for its commit. */
    record PendingWrite(List<RegistrationChange> changes, CompletableFuture<Void> done) {}

    private final DataSource dataSource;
    private final BlockingQueue<PendingWrite> queue;
    private final PendingWrite stop;
    private final int maxBatch;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger largestBatch = new AtomicInteger();

    /**
     * @param stop the marker whose arrival ends the loop; the queue accepts
     *             nothing after it, so everything before it gets written
     */
    GroupCommitWriter(DataSource dataSource, BlockingQueue<PendingWrite> queue, PendingWrite stop, int maxBatch) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.stop = stop;
        this.maxBatch = maxBatch;
    }

    GroupCommitStats stats() {
        return new GroupCommitStats(commits.get(), writes.get(), failed.get(), largestBatch.get());
    }

    @Override
    public void run() {
        List<PendingWrite> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only the stop marker ends the writer: queued writes must not be dropped
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = batch.removeIf(p -> p == stop);
            if (!batch.isEmpty()) write(batch);
            batch.clear();
        }
    }

    private void write(List<PendingWrite> batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Optional<Exception> failure = commit(c, batch);
            if (failure.isEmpty()) return;
            if (batch.size() == 1) {
                fail(batch.getFirst(), failure.get());
                return;
            }
            // One bad write (say, a value the database refuses) must not fail the
            // REGISTERs that merely shared its batch: retry each on its own.
            for (PendingWrite pending : batch) {
                commit(c, List.of(pending)).ifPresent(e -> fail(pending, e));
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("registration store unavailable: {}", ErrorText.describe(e));
            log.debug("registration batch failed", e);
            for (PendingWrite pending : batch) fail(pending, e);
        }
    }

    /** Writes and commits {@code batch}, then completes its futures; on failure rolls back and says why. */
    private Optional<Exception> commit(Connection c, List<PendingWrite> batch) throws SQLException {
        try {
            RegistrationStatements.execute(c, batch.stream().map(PendingWrite::changes).toList());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            log.debug("registration write of {} failed", batch.size(), e);
            return Optional.of(e);
        }
        commits.incrementAndGet();
        writes.addAndGet(batch.size());
        largestBatch.accumulateAndGet(batch.size(), Math::max);
        // Completed on this thread after the commit: callers must move their
        // continuation to their own executor (the registrar's shard).
        for (PendingWrite pending : batch) pending.done().complete(null);
        return Optional.empty();
    }

    private void fail(PendingWrite pending, Exception cause) {
        failed.incrementAndGet();
        pending.done().completeExceptionally(
                new StoreException("registration write failed: " + ErrorText.describe(cause), cause));
    }
}
