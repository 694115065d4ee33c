package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the heap counts as short: a window above HIGH, one collection above CRITICAL, a full one; back below LOW. */
class HeapWatchTest {
    private static final long MAX = 1_000;
    private final List<Boolean> changes = new ArrayList<>();
    private final HeapWatch watch = new HeapWatch(changes::add);

    private void collections(long from, long to, long step, long usedAfter) {
        for (long t = from; t <= to; t += step) watch.collected(t, usedAfter, MAX, false);
    }

    @Test
    void aWindowInWhichEveryCollectionLeftTheHeapFullMeansShortOfMemory() {
        collections(0, 1_900, 100, 800);
        assertThat(watch.shortOfMemory()).as("the window is not over yet").isFalse();
        watch.collected(HeapWatch.WINDOW_MILLIS, 800, MAX, false);
        assertThat(watch.shortOfMemory()).isTrue();
        assertThat(changes).containsExactly(true);
        assertThat(watch.lastAfterCollection()).isEqualTo(0.8);
    }

    @Test
    void oneCollectionThatEmptiedTheHeapInTheWindowIsEnough() {
        // young collections leave the old generation's garbage; the mixed one in between shows what is live
        collections(0, 1_900, 100, 850);
        watch.collected(1_950, 600, MAX, false);
        collections(HeapWatch.WINDOW_MILLIS, 3_900, 100, 850);
        assertThat(watch.shortOfMemory()).as("the first window had a collection at 60%").isFalse();
        assertThat(changes).isEmpty();
        watch.collected(4_000, 850, MAX, false);
        assertThat(watch.shortOfMemory()).as("the second window did not").isTrue();
    }

    @Test
    void memoryIsBackOnlyBelowLowAndAfterTheHold() {
        collections(0, 2_000, 100, 800);
        assertThat(watch.shortOfMemory()).isTrue();
        collections(2_100, 14_000, 100, 600);  // between LOW and HIGH: still short
        assertThat(watch.shortOfMemory()).isTrue();
        watch.collected(14_100, 450, MAX, false);
        assertThat(watch.shortOfMemory()).isFalse();
        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void aFullCollectionIsShortageAtOnceEvenThoughItEmptiedTheHeap() {
        collections(0, 1_000, 100, 500);
        watch.collected(1_050, 200, MAX, true);
        assertThat(watch.shortOfMemory()).as("a full collection was needed").isTrue();
        watch.collected(1_100, 200, MAX, false);
        watch.inUse(1_000 + HeapWatch.HOLD_MILLIS, 200, MAX);
        assertThat(watch.shortOfMemory()).as("held for a while after the last sign").isTrue();
        watch.inUse(1_050 + HeapWatch.HOLD_MILLIS, 200, MAX);
        assertThat(watch.shortOfMemory()).isFalse();
        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void oneCollectionThatCouldNotEmptyTheHeapIsShortageAtOnce() {
        collections(0, 1_000, 100, 400);
        watch.collected(1_050, 880, MAX, false);
        assertThat(watch.shortOfMemory()).as("88% is below CRITICAL").isFalse();
        watch.collected(1_100, 950, MAX, false);
        assertThat(watch.shortOfMemory()).isTrue();
        // every new sign starts the hold again
        watch.collected(5_000, 960, MAX, false);
        watch.collected(5_100 + HeapWatch.HOLD_MILLIS - 200, 300, MAX, false);
        assertThat(watch.shortOfMemory()).isTrue();
        watch.collected(5_000 + HeapWatch.HOLD_MILLIS, 300, MAX, false);
        assertThat(watch.shortOfMemory()).isFalse();
    }

    @Test
    void theHeapAsItStandsEndsTheShortageWhenNoCollectionComes() {
        collections(0, 2_000, 100, 800);
        long after = 2_000 + HeapWatch.HOLD_MILLIS;
        watch.inUse(after, 700, MAX);
        assertThat(watch.shortOfMemory()).isTrue();
        watch.inUse(after, 400, MAX);
        assertThat(watch.shortOfMemory()).isFalse();
        watch.inUse(after + 1_000, 300, MAX);
        assertThat(changes).as("told once").containsExactly(true, false);
    }

    @Test
    void thisJvmsCollectionsReachTheWatchAndAnAskedForFullOneIsNoShortage() throws Exception {
        try (HeapWatch jvm = HeapWatch.ofThisJvm(changes::add)) {
            System.gc();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> jvm.lastAfterCollection() > 0);
            assertThat(jvm.lastAfterCollection()).isLessThan(HeapWatch.CRITICAL);
            assertThat(jvm.shortOfMemory()).as("System.gc() is a full collection nobody was short for").isFalse();
        }
        assertThat(HeapWatch.asked("Heap Inspection Initiated GC")).isTrue();
        assertThat(HeapWatch.asked("Allocation Failure")).isFalse();
        assertThat(HeapWatch.asked("G1 Compaction Pause")).isFalse();
    }
}
