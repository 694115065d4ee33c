package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearline.transaction.TransactionLayer.RequestCounts;
import org.junit.jupiter.api.Test;

/** The overload guard's decision, one sample a second, on counts we feed it. */
class OverloadMonitorTest {
    private long started;
    private long retransmitted;
    private long held;
    private double cpu = 0.3;
    private final OverloadMonitor monitor = new OverloadMonitor(() -> 1000, () -> held, 200L << 20,
            () -> new RequestCounts(started, retransmitted), () -> cpu);

    /** One second in which {@code fresh} requests started transactions and {@code again} came again. */
    private boolean second(long fresh, long again) {
        started += fresh;
        retransmitted += again;
        monitor.sample();
        return monitor.overloaded();
    }

    @Test
    void aServerThatAnswersInTimeIsNeverOverloaded() {
        for (int i = 0; i < 10; i++) assertThat(second(3000, 20)).isFalse();
    }

    @Test
    void threeSecondsOfRetransmittedRequestsRefuseNewWorkAndTwoCalmSecondsEndIt() {
        assertThat(second(5000, 1300)).as("a wave after a pause").isFalse();
        assertThat(second(5000, 1500)).isFalse();
        assertThat(second(5000, 2200)).as("the third second running is overload").isTrue();
        assertThat(second(2000, 200)).as("10 %: not calm yet").isTrue();
        assertThat(second(2000, 50)).isTrue();
        assertThat(second(2000, 50)).as("second calm second running").isFalse();
    }

    @Test
    void aWaveOfRetransmissionsAfterACollectionPauseIsNoOverload() {
        // as at 5500 calls/s in the benchmark: a 20 % wave that the server then answers
        assertThat(second(5000, 1000)).isFalse();
        assertThat(second(5000, 1300)).isFalse();
        assertThat(second(5000, 200)).isFalse();
        assertThat(second(5000, 0)).isFalse();
    }

    @Test
    void aCalmSecondBetweenBehindOnesStartsTheCountAgain() {
        assertThat(second(2500, 700)).isFalse();
        assertThat(second(2500, 700)).isFalse();
        assertThat(second(2500, 0)).isFalse();
        assertThat(second(2500, 700)).isFalse();
        assertThat(second(2500, 700)).isFalse();
        assertThat(second(2500, 700)).isTrue();
        assertThat(second(2500, 0)).isTrue();
        assertThat(second(2500, 700)).as("behind again: the calm count starts over").isTrue();
        assertThat(second(2500, 0)).isTrue();
        assertThat(second(2500, 0)).isFalse();
    }

    @Test
    void aFewPhonesOnLossyLinksDoNotCount() {
        for (int i = 0; i < 5; i++) assertThat(second(60, 40)).isFalse();
    }

    @Test
    void onlyRetransmissionsArrivingIsOverloadToo() {
        assertThat(second(0, 800)).isFalse();
        assertThat(second(0, 800)).isFalse();
        assertThat(second(0, 800)).isTrue();
    }

    @Test
    void transactionsHoldingMoreThanTheHeapIsSizedForRefuseAtOnceAndEndAtOnce() {
        held = (200L << 20) + 1;
        assertThat(second(100, 0)).isTrue();
        held = 200L << 20;
        assertThat(second(100, 0)).isFalse();
    }

    @Test
    void theBoundOnWhatTransactionsHoldFollowsTheHeap() {
        assertThat(OverloadMonitor.maxHeldBytes(512L << 20)).isEqualTo(161_061_273L);
        assertThat(OverloadMonitor.maxHeldBytes(1L << 30)).isEqualTo(322_122_547L);
        assertThat(OverloadMonitor.maxHeldBytes(16L << 20)).isEqualTo(OverloadMonitor.MIN_HELD_BYTES);
    }

    @Test
    void aPeggedCpuCountsAfterFiveSeconds() {
        cpu = 0.99;
        for (int i = 1; i < OverloadMonitor.PEGGED_SAMPLES; i++) assertThat(second(100, 0)).isFalse();
        assertThat(second(100, 0)).isTrue();
        cpu = 0.5;
        assertThat(second(100, 0)).isFalse();
    }
}
