package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.time.Clock;
import org.clearline.time.Scheduler;
import org.junit.jupiter.api.Test;

class ShardsTest {

    @Test
    void eachShardIsOneThreadAndKnowsIt() {
        try (Shards shards = Shards.create(3, Clock.SYSTEM)) {
            assertThat(shards.size()).isEqualTo(3);
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger inside = new AtomicInteger();
            for (Scheduler s : shards.schedulers()) {
                assertThat(s.inExecutor()).isFalse();
                for (int i = 0; i < 10; i++) {
                    s.execute(() -> {
                        threads.add(Thread.currentThread());
                        if (s.inExecutor()) inside.incrementAndGet();
                    });
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> inside.get() == 30);
            assertThat(threads).hasSize(3);
        }
    }

    @Test
    void sameHashSameShard() {
        try (Shards shards = Shards.create(4, Clock.SYSTEM)) {
            assertThat(shards.forHash("a84b4c76e66710".hashCode()))
                    .isSameAs(shards.forHash("a84b4c76e66710".hashCode()));
            assertThat(shards.forHash(-7)).isNotNull();
        }
    }

    @Test
    void timersFireInDeadlineOrderAndCancelledOnesDoNot() {
        try (Shards shards = Shards.create(1, Clock.SYSTEM)) {
            Scheduler s = shards.schedulers().get(0);
            List<String> fired = new CopyOnWriteArrayList<>();
            // scheduled in one task on the shard itself, so the three deadlines are taken
            // microseconds apart however busy the machine is; "later" is set first
            s.execute(() -> {
                s.schedule(Duration.ofMillis(500), () -> fired.add("later"));
                s.schedule(Duration.ofMillis(10), () -> fired.add("sooner"));
                s.schedule(Duration.ofMillis(30), () -> fired.add("cancelled")).cancel();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> fired.size() == 2);
            assertThat(fired).containsExactly("sooner", "later");
        }
    }

    @Test
    void aThrowingTimerDoesNotStopTheShard() {
        try (Shards shards = Shards.create(1, Clock.SYSTEM)) {
            Scheduler s = shards.schedulers().get(0);
            AtomicBoolean after = new AtomicBoolean();
            s.schedule(Duration.ZERO, () -> { throw new IllegalStateException("bug in a timer"); });
            s.schedule(Duration.ofMillis(5), () -> after.set(true));
            await().atMost(Duration.ofSeconds(5)).untilTrue(after);
        }
    }

    @Test
    void afterShutdownWorkIsDroppedNotThrown() {
        Shards shards = Shards.create(1, Clock.SYSTEM);
        Scheduler s = shards.schedulers().get(0);
        assertThat(shards.shutdownGracefully(Duration.ZERO, Duration.ofSeconds(5))).isTrue();
        AtomicBoolean ran = new AtomicBoolean();
        s.execute(() -> ran.set(true));
        s.schedule(Duration.ZERO, () -> ran.set(true)).cancel();
        assertThat(ran).isFalse();
    }

    @Test
    void theInjectedClockIsHandedOut() {
        Clock fixed = new Clock() {
            @Override public long nanoTime() { return 42; }
            @Override public long epochMillis() { return 7; }
        };
        try (Shards shards = Shards.create(2, fixed)) {
            assertThat(shards.schedulers()).allSatisfy(s -> assertThat(s.clock()).isSameAs(fixed));
        }
    }
}
