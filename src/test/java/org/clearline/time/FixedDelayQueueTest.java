package org.clearline.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedDelayQueueTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> expired = new ArrayList<>();
    private final List<Long> expiredAtMillis = new ArrayList<>();

    private FixedDelayQueue<String> queue(Duration delay) {
        return new FixedDelayQueue<>(scheduler, delay, e -> {
            expired.add(e);
            expiredAtMillis.add(scheduler.clock().nanoTime() / 1_000_000);
        });
    }

    private void advanceMillis(long millis) {
        scheduler.advance(Duration.ofMillis(millis));
    }

    @Test
    void theFirstEntryExpiresExactlyAfterTheDelay() {
        FixedDelayQueue<String> q = queue(Duration.ofSeconds(32));
        long start = scheduler.clock().nanoTime() / 1_000_000;
        q.add("J");

        advanceMillis(31_999);
        assertThat(expired).isEmpty();
        advanceMillis(1);
        assertThat(expired).containsExactly("J");
        assertThat(expiredAtMillis).containsExactly(start + 32_000);
        assertThat(q.size()).isZero();
        assertThat(scheduler.scheduledTimers()).as("an empty queue keeps no timer").isZero();
    }

    @Test
    void entriesExpireInOrderNeverEarlyAndAtMostTheSlackLate() {
        FixedDelayQueue<String> q = queue(Duration.ofSeconds(32));
        long slackMillis = q.slackNanos() / 1_000_000;
        assertThat(slackMillis).isEqualTo(100);
        List<Long> addedAt = new ArrayList<>();
        long start = scheduler.clock().nanoTime() / 1_000_000;
        for (int i = 0; i < 50; i++) {
            q.add("tx" + i);
            addedAt.add(scheduler.clock().nanoTime() / 1_000_000);
            advanceMillis(7);
        }
        assertThat(expired).isEmpty();
        advanceMillis(40_000);

        assertThat(expired).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(expired.get(i)).isEqualTo("tx" + i);
            long due = addedAt.get(i) + 32_000;
            assertThat(expiredAtMillis.get(i)).as("tx%d", i).isBetween(due, due + slackMillis);
        }
        assertThat(expiredAtMillis.getFirst()).isEqualTo(start + 32_000);
    }

    @Test
    void aBusyQueueArmsOneTimerPerSlackNotOnePerEntry() {
        int[] timersArmed = {0};
        Scheduler counting = new Scheduler() {
            @Override public Cancellable schedule(Duration delay, Runnable task) {
                timersArmed[0]++;
                return scheduler.schedule(delay, task);
            }
            @Override public void execute(Runnable task) { scheduler.execute(task); }
            @Override public boolean inExecutor() { return scheduler.inExecutor(); }
            @Override public Clock clock() { return scheduler.clock(); }
        };
        FixedDelayQueue<String> q = new FixedDelayQueue<>(counting, Duration.ofSeconds(32), expired::add);
        for (int i = 0; i < 1000; i++) {
            q.add("tx" + i);
            advanceMillis(1); // 1000 entries over one second
        }
        assertThat(scheduler.scheduledTimers()).as("one timer for the whole queue").isEqualTo(1);
        advanceMillis(33_000);
        assertThat(expired).hasSize(1000);
        // one second of entries, a wake-up at most every 100 ms: 1 + about 10
        assertThat(timersArmed[0]).isBetween(2, 12);
    }

    @Test
    void theRingWrapsAndGrowsWithoutLosingOrder() {
        FixedDelayQueue<String> q = queue(Duration.ofMillis(1000));
        int n = 0;
        // add in waves so that head moves round the ring while it grows and shrinks
        for (int wave = 0; wave < 5; wave++) {
            for (int i = 0; i < 10 + wave * 40; i++) q.add("e" + n++);
            advanceMillis(600);
        }
        advanceMillis(2000);
        assertThat(expired).hasSize(n);
        for (int i = 0; i < n; i++) assertThat(expired.get(i)).isEqualTo("e" + i);
        assertThat(q.size()).isZero();
        q.add("again");
        advanceMillis(1000);
        assertThat(expired).endsWith("again");
    }

    @Test
    void anEntryWhoseOwnerThrowsDoesNotStrandTheOthers() {
        List<String> seen = new ArrayList<>();
        FixedDelayQueue<String> q = new FixedDelayQueue<>(scheduler, Duration.ofSeconds(5), e -> {
            seen.add(e);
            if (e.equals("bad")) throw new IllegalStateException("owner bug");
        });
        q.add("a");
        q.add("bad");
        q.add("c");
        advanceMillis(5000);
        assertThat(seen).containsExactly("a", "bad", "c");
    }

    @Test
    void aZeroDelayExpiresOnTheNextTurnOfTheExecutor() {
        FixedDelayQueue<String> q = queue(Duration.ZERO);
        q.add("now");
        assertThat(expired).isEmpty();
        advanceMillis(0);
        assertThat(expired).containsExactly("now");
    }

    @Test
    void refusesNegativeDelaysAndNullEntries() {
        assertThatThrownBy(() -> queue(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue(Duration.ofSeconds(1)).add(null)).isInstanceOf(NullPointerException.class);
    }
}
