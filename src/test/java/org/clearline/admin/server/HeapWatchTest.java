package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the heap counts as short: a window above HIGH, two collections above CRITICAL, a full one; back below HIGH. */
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
    void memoryIsBackOnlyBelowHighAndAfterTheHold() {
        collections(0, 2_000, 100, 800);
        assertThat(watch.shortOfMemory()).isTrue();
        collections(2_100, 14_000, 100, 750);  // every window still a sign: the hold starts again
        assertThat(watch.shortOfMemory()).isTrue();
        collections(14_100, 23_900, 100, 650);
        assertThat(watch.shortOfMemory()).as("below HIGH, but within the hold of the last window").isTrue();
        watch.collected(24_000, 650, MAX, false);
        assertThat(watch.shortOfMemory()).isFalse();
        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void aHeapBetweenHalfAndHighAfterTheHoldIsNoLongerShort() {
        // a busy 512 MB heap holds 50-60 % after young collections (transactions wait 32 s for
        // their timers): that is the server's working set, not a shortage to keep the log lean for
        collections(0, 2_000, 100, 800);
        collections(2_100, 2_000 + HeapWatch.HOLD_MILLIS, 100, 580);
        assertThat(watch.shortOfMemory()).isFalse();
        collections(12_100, 30_000, 100, 580);
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
    void oneCollectionThatCouldNotEmptyTheHeapIsNoShortageWhenTheNextOneDoes() {
        // G1's evacuation failure: one young collection leaves the heap full, the next empties it
        collections(0, 1_000, 100, 400);
        watch.collected(1_050, 960, MAX, false);
        watch.collected(1_100, 450, MAX, false);
        collections(1_200, 5_000, 100, 500);
        watch.collected(5_050, 1_000, MAX, false);
        watch.collected(5_100, 420, MAX, false);
        assertThat(watch.shortOfMemory()).isFalse();
        assertThat(changes).isEmpty();
        assertThat(watch.lastAfterCollection()).isEqualTo(0.42);
    }

    @Test
    void twoCollectionsInARowThatCouldNotEmptyTheHeapAreShortage() {
        collections(0, 1_000, 100, 400);
        watch.collected(1_050, 950, MAX, false);
        watch.collected(1_100, 880, MAX, false);
        watch.collected(1_150, 950, MAX, false);
        assertThat(watch.shortOfMemory()).as("88% between them is below CRITICAL").isFalse();
        watch.collected(1_200, 960, MAX, false);
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
        watch.inUse(after, 720, MAX);
        assertThat(watch.shortOfMemory()).isTrue();
        watch.inUse(after, 690, MAX);
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
