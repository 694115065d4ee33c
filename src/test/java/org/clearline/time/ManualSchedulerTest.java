package org.clearline.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> log = new ArrayList<>();

    @Test
    void timersFireInDueOrderWithTheClockAtTheirDueTime() {
        scheduler.schedule(Duration.ofMillis(300), () -> log.add("c@" + clock.elapsed().toMillis()));
        scheduler.schedule(Duration.ofMillis(100), () -> log.add("a@" + clock.elapsed().toMillis()));
        scheduler.schedule(Duration.ofMillis(200), () -> log.add("b@" + clock.elapsed().toMillis()));

        scheduler.advance(Duration.ofMillis(250));
        assertThat(log).containsExactly("a@100", "b@200");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(250));

        scheduler.advance(Duration.ofMillis(50));
        assertThat(log).containsExactly("a@100", "b@200", "c@300");
    }

    @Test
    void aTimerScheduledByATimerCountsFromWhenItFired() {
        scheduler.schedule(Duration.ofMillis(500), () -> {
            log.add("first@" + clock.elapsed().toMillis());
            scheduler.schedule(Duration.ofMillis(500), () -> log.add("second@" + clock.elapsed().toMillis()));
        });

        scheduler.advance(Duration.ofSeconds(2));

        assertThat(log).containsExactly("first@500", "second@1000");
    }

    @Test
    void equalDueTimesRunInSchedulingOrder() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            scheduler.schedule(Duration.ofMillis(10), () -> log.add("t" + n));
        }
        scheduler.advance(Duration.ofMillis(10));
        assertThat(log).containsExactly("t0", "t1", "t2", "t3", "t4");
    }

    @Test
    void cancelledTimersNeverRun() {
        Scheduler.Cancellable c = scheduler.schedule(Duration.ofMillis(10), () -> log.add("cancelled"));
        scheduler.schedule(Duration.ofMillis(20), () -> log.add("kept"));
        assertThat(scheduler.scheduledTimers()).isEqualTo(2);

        c.cancel();

        assertThat(scheduler.scheduledTimers()).isEqualTo(1);
        assertThat(scheduler.nextTimerIn()).isEqualTo(Duration.ofMillis(20));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(log).containsExactly("kept");
        assertThat(scheduler.nextTimerIn()).isNull();
    }

    @Test
    void executeQueuesUntilRunPending() {
        scheduler.execute(() -> {
            log.add("outer");
            scheduler.execute(() -> log.add("inner"));
        });
        assertThat(log).isEmpty();
        assertThat(scheduler.pendingTasks()).isEqualTo(1);

        assertThat(scheduler.runPending()).isEqualTo(2);

        assertThat(log).containsExactly("outer", "inner");
        assertThat(scheduler.executedTasks()).isEqualTo(2);
    }

    @Test
    void advanceRunsQueuedTasksBeforeAndAfterEachTimer() {
        scheduler.execute(() -> log.add("queued"));
        scheduler.schedule(Duration.ofMillis(5), () -> scheduler.execute(() -> log.add("from timer")));

        scheduler.advance(Duration.ofMillis(5));

        assertThat(log).containsExactly("queued", "from timer");
    }

    @Test
    void schedulersOnOneClockShareOneTimeline() {
        ManualScheduler other = new ManualScheduler(clock, "other");
        other.schedule(Duration.ofMillis(20), () -> log.add("other@" + clock.elapsed().toMillis()));
        scheduler.schedule(Duration.ofMillis(10), () -> log.add("mine@" + clock.elapsed().toMillis()));
        scheduler.schedule(Duration.ofMillis(30), () -> log.add("mine@" + clock.elapsed().toMillis()));

        other.advance(Duration.ofMillis(30));

        assertThat(log).containsExactly("mine@10", "other@20", "mine@30");
        assertThat(clock.schedulers()).containsExactly(scheduler, other);
    }

    @Test
    void inExecutorOnlyOnTheCreatingThread() throws Exception {
        boolean[] elsewhere = new boolean[1];
        Thread t = new Thread(() -> elsewhere[0] = scheduler.inExecutor());
        t.start();
        t.join();

        assertThat(scheduler.inExecutor()).isTrue();
        assertThat(elsewhere[0]).isFalse();
    }

    @Test
    void wallClockMovesWithVirtualTime() {
        long start = clock.epochMillis();
        clock.advance(Duration.ofSeconds(3));
        assertThat(clock.epochMillis() - start).isEqualTo(3000);
        assertThat(clock.nanoTime()).isEqualTo(3_000_000_000L);
    }
}
