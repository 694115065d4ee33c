package org.clearline.store;

/**
 * Counters of the registration writer since the store was opened.
 *
 * @param commits      transactions committed (one per batch, plus retries of single writes)
 * @param writes       {@code apply()} calls completed successfully
 * @param failed       {@code apply()} calls completed exceptionally by the writer
 * @param largestBatch most writes ever committed together
 */
public record GroupCommitStats(long commits, long writes, long failed, int largestBatch) {}
