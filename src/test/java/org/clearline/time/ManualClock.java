package org.clearline.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual time for tests: it stands still until a test moves it.
 *
 * <p>Every {@link ManualScheduler} built on a clock shares its timeline, so a test
 * with several shards (one scheduler each) advances them all together and their
 * timers fire in one global order: by due time, ties in the order they were
 * scheduled. Moving a clock that has no schedulers just changes the time.
 *
 * <p>Meant to be driven from the test thread; {@link #nanoTime()} may be read
 * from any thread.
 */
public final class ManualClock implements Clock {
    /** 2023-11-14T22:13:20Z: a fixed, recognisable wall-clock origin. */
    public static final long DEFAULT_EPOCH_MILLIS = 1_700_000_000_000L;

    private final long epochMillisAtStart;
    private final List<ManualScheduler> schedulers = new ArrayList<>();
    private volatile long nanos;
    private long sequence;

    public ManualClock() {
        this(DEFAULT_EPOCH_MILLIS);
    }

    public ManualClock(long epochMillisAtStart) {
        this.epochMillisAtStart = epochMillisAtStart;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long epochMillis() {
        return epochMillisAtStart + nanos / 1_000_000L;
    }

    /** Virtual time passed since the clock was created. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    /**
     * Moves time forward by {@code delta}. First runs every task waiting in
     * {@link Scheduler#execute} queues, then each timer that falls due, with the
     * clock set to that timer's due time while it runs (so timers it schedules
     * are relative to the moment it fired), running the execute queues again
     * after each one. Ends with the clock at exactly {@code now + delta}.
     */
    public void advance(Duration delta) {
        if (delta.isNegative()) throw new IllegalArgumentException("time does not go back: " + delta);
        long target = nanos + delta.toNanos();
        runAllPending();
        while (true) {
            ManualScheduler owner = null;
            ManualScheduler.Timer next = null;
            for (ManualScheduler s : schedulers) {
                ManualScheduler.Timer t = s.peekTimer();
                if (t != null && t.due <= target && (next == null || t.before(next))) {
                    next = t;
                    owner = s;
                }
            }
            if (next == null) break;
            if (next.due > nanos) nanos = next.due;
            owner.runTimer(next);
            runAllPending();
        }
        nanos = target;
    }

    /** Schedulers sharing this timeline, in creation order. */
    public List<ManualScheduler> schedulers() {
        return List.copyOf(schedulers);
    }

    void attach(ManualScheduler scheduler) {
        schedulers.add(scheduler);
    }

    synchronized long nextSequence() {
        return sequence++;
    }

    private void runAllPending() {
        boolean ran;
        do {
            ran = false;
            for (ManualScheduler s : schedulers) {
                if (s.runPending() > 0) ran = true;
            }
        } while (ran);
    }
}
