package org.clearline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The replay table of nonce-counts: one entry per (issue time, salt), counts only ever rise. */
class NonceCountsTest {
    private static final long NONE_EXPIRED = Long.MIN_VALUE;

    @Test
    void aCountIsTakenOnlyWhenItIsHigherThanAnySeenForThatNonce() {
        NonceCounts counts = new NonceCounts(1_000);
        assertThat(counts.advance(1_000, 7, 1, NONE_EXPIRED)).isTrue();
        assertThat(counts.advance(1_000, 7, 1, NONE_EXPIRED)).as("the same count again: a replay").isFalse();
        assertThat(counts.advance(1_000, 7, 5, NONE_EXPIRED)).isTrue();
        assertThat(counts.advance(1_000, 7, 3, NONE_EXPIRED)).as("lower than seen").isFalse();
        assertThat(counts.advance(1_001, 7, 1, NONE_EXPIRED)).as("same salt, other issue time: another nonce").isTrue();
        assertThat(counts.advance(1_000, 8, 1, NONE_EXPIRED)).as("same time, other salt: another nonce").isTrue();
        assertThat(counts.advance(1_000, 9, 0, NONE_EXPIRED)).as("nc=00000000 is never valid").isFalse();
        assertThat(counts.advance(1_000, 9, -1, NONE_EXPIRED)).isFalse();
        assertThat(counts.size()).isEqualTo(3);
    }

    @Test
    void everyNonceKeepsItsCountWhileTheTablesGrow() {
        NonceCounts counts = new NonceCounts(1_000_000);
        int n = 50_000;
        for (int i = 0; i < n; i++) assertThat(counts.advance(i / 100, i * 31L, 1, NONE_EXPIRED)).isTrue();
        assertThat(counts.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(counts.advance(i / 100, i * 31L, 1, NONE_EXPIRED)).as("nonce %d replayed", i).isFalse();
        }
    }

    @Test
    void aMillionNoncesNeedNoArrayAsLargeAsHalfAGarbageCollectorRegion() {
        // G1 cuts a heap of up to 2 GB into 1 MB regions and puts every object of half a region
        // or more in regions of its own, never moved: arrays just over 512 KB waste half of theirs
        NonceCounts counts = new NonceCounts(1_000_000);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) counts.advance(i / 7_000, random.nextLong(), 1, NONE_EXPIRED);
        assertThat(counts.size()).isEqualTo(1_000_000);
        assertThat(counts.largestArrayBytes()).isLessThan(512 * 1024 - 16);
    }

    @Test
    void purgeDropsExpiredNoncesAndKeepsTheCountsOfTheOthers() {
        NonceCounts counts = new NonceCounts(1_000_000);
        for (long salt = 0; salt < 1_000; salt++) counts.advance(salt < 600 ? 100 : 200, salt, 4, NONE_EXPIRED);

        assertThat(counts.purge(150)).isEqualTo(600);
        assertThat(counts.size()).isEqualTo(400);
        assertThat(counts.purge(150)).as("nothing left to drop").isZero();
        for (long salt = 600; salt < 1_000; salt++) {
            assertThat(counts.advance(200, salt, 4, NONE_EXPIRED)).as("a live nonce still refuses its count").isFalse();
        }
        assertThat(counts.advance(100, 5, 1, NONE_EXPIRED)).as("a dropped nonce starts over (it is stale anyway)")
                .isTrue();
    }

    @Test
    void overTheBoundExpiredEntriesMakeRoomButLiveOnesAreNeverDropped() {
        NonceCounts counts = new NonceCounts(NonceCounts.STRIPES * 10);  // 10 per stripe
        for (long salt = 0; salt < 20_000; salt++) counts.advance(100, salt, 1, NONE_EXPIRED);
        assertThat(counts.size()).as("all live: kept beyond the bound").isEqualTo(20_000);

        for (long salt = 0; salt < 20_000; salt++) counts.advance(500, salt, 1, 200);
        assertThat(counts.size()).as("the expired ones went as the new ones came").isEqualTo(20_000);
        for (long salt = 0; salt < 20_000; salt++) assertThat(counts.advance(500, salt, 1, 200)).isFalse();
    }

    @Test
    void concurrentRequestsNeverAcceptTheSameCountTwice() throws Exception {
        NonceCounts counts = new NonceCounts(1_000_000);
        int threads = 4;
        int perNonce = 2_000;
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int c = 1; c <= perNonce; c++) {
                    for (long salt = 0; salt < 8; salt++) {
                        if (counts.advance(42, salt, c, NONE_EXPIRED)) accepted.add(salt + "/" + c);
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) w.join(30_000);

        assertThat(accepted).doesNotHaveDuplicates();
        assertThat(accepted).as("every nonce reached its highest count once").contains("0/" + perNonce, "7/" + perNonce);
        assertThat(counts.size()).isEqualTo(8);
    }
}
