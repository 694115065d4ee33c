package org.clearline.admin.server;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when the server is short of memory. Three signs count: a full
 * collection; two collections in a row that each leave the heap above
 * {@link #CRITICAL} of its maximum (the collector could not make room, and
 * failed again); or a {@link #WINDOW_MILLIS} window in which even the
 * emptiest collection left it above {@link #HIGH}. One collection that leaves
 * the heap full says little on its own: G1 ends an evacuation failure so, and
 * on a busy 512 MB heap those come every minute or two and the next young
 * collection empties the heap again (bench/RESULTS.md, twenty-fifth pass); the
 * old generation's garbage waits for the mixed collections, hence the window.
 * Memory counts as back when a collection, or the heap as it stands, is below
 * {@link #HIGH} again, no sooner than {@link #HOLD_MILLIS} after the last
 * sign: a full collection empties the heap at once, but what filled it keeps
 * coming.
 *
 * <p>While short, the call log is lean (it keeps no messages of new calls and
 * registration attempts), so the memory call handling needs is not held by
 * ladders. Collections are reported by the JVM on its own notification thread.
 */
final class HeapWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);
    /**
     * Heap in use after every collection of a window, as a share of the maximum, that
     * counts as short; below it (after the hold) memory counts as back.
     */
    static final double HIGH = 0.70;
    /** The window whose emptiest collection decides. */
    static final long WINDOW_MILLIS = 2_000;
    /** Two collections in a row leaving this much in use are shortage (one is G1's evacuation failure). */
    static final double CRITICAL = 0.90;
    /** Memory counts as back no sooner than this after the last sign of shortage. */
    static final long HOLD_MILLIS = 10_000;

    private final Consumer<Boolean> onChange;
    private long windowStart = Long.MIN_VALUE;
    private double windowLowest;
    private volatile boolean shortOfMemory;
    private volatile double lastAfterCollection;
    /** Whether the collection before the latest left the heap above CRITICAL. */
    private boolean previousCritical;
    private long lastShortAt;
    private final List<Runnable> unregister = new ArrayList<>(2);

    /** {@code onChange} hears true when memory runs short and false when it is back. */
    HeapWatch(Consumer<Boolean> onChange) {
        this.onChange = onChange;
    }

    /** A watch on this JVM's collectors; {@link #close} stops it. */
    static HeapWatch ofThisJvm(Consumer<Boolean> onChange) {
        HeapWatch watch = new HeapWatch(onChange);
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        long max = Runtime.getRuntime().maxMemory();
        NotificationListener listener = (n, handback) -> watch.notified(n, heapPools, max);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener(listener, null, null);
            watch.unregister.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // already gone: nothing to undo
                }
            });
        }
        return watch;
    }

    private void notified(Notification n, Set<String> heapPools, long max) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var gc = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // G1's remark and cleanup pauses ("end of concurrent GC pause") move nothing: the heap
        // they report still holds a full eden, which says nothing about what is live
        if (gc.getGcAction().contains("concurrent")) return;
        var info = gc.getGcInfo();
        long used = 0;
        for (var e : info.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
        }
        collected(info.getEndTime(), used, max, gc.getGcAction().contains("major") && !asked(gc.getGcCause()));
    }

    /** A full collection somebody asked for (System.gc, jcmd, a heap dump or histogram) is no sign of shortage. */
    static boolean asked(String cause) {
        return cause.equals("System.gc()") || cause.startsWith("Heap Inspection") || cause.startsWith("Heap Dump")
                || cause.startsWith("Diagnostic Command");
    }

    /**
     * A collection ended at {@code atMillis} (milliseconds of JVM uptime, or any
     * monotonic clock) leaving {@code usedAfter} of {@code max}; {@code full} for a
     * full (stop-the-world, whole-heap) collection.
     */
    synchronized void collected(long atMillis, long usedAfter, long max, boolean full) {
        if (max <= 0) return;
        double share = (double) usedAfter / max;
        lastAfterCollection = share;
        boolean critical = share >= CRITICAL;
        if (full) {
            shortUntil(atMillis, "a full collection was needed");
        } else if (critical && previousCritical) {
            shortUntil(atMillis, "two collections in a row left the heap " + percent(share) + " full");
        }
        previousCritical = critical;
        if (windowStart == Long.MIN_VALUE || atMillis - windowStart >= WINDOW_MILLIS) {
            // the collection that closes a window counts in it: it may be the one that emptied the heap
            if (windowStart != Long.MIN_VALUE && Math.min(windowLowest, share) >= HIGH) {
                shortUntil(atMillis, "the heap stayed " + percent(windowLowest) + " full after collections for "
                        + WINDOW_MILLIS / 1000 + " s");
            }
            windowStart = atMillis;
            windowLowest = share;
        } else if (share < windowLowest) {
            windowLowest = share;
        }
        inUse(atMillis, usedAfter, max);
    }

    /**
     * The heap in use at {@code atMillis}: memory is back once it is below {@link #HIGH}
     * and {@link #HOLD_MILLIS} have passed since the last sign of shortage (a full
     * collection empties the heap at once, but what filled it is still coming).
     */
    synchronized void inUse(long atMillis, long used, long max) {
        if (shortOfMemory && max > 0 && (double) used / max < HIGH && atMillis - lastShortAt >= HOLD_MILLIS) {
            shortOfMemory = false;
            log.info("memory back: {} of the heap in use", percent((double) used / max));
            onChange.accept(false);
        }
    }

    /** Samples the heap as it stands now; called by housekeeping once a second. */
    void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        inUse(ManagementFactory.getRuntimeMXBean().getUptime(), heap.getUsed(), Runtime.getRuntime().maxMemory());
    }

    private void shortUntil(long atMillis, String why) {
        lastShortAt = atMillis;
        if (shortOfMemory) return;
        shortOfMemory = true;
        log.warn("short of memory: {} (back when below {}, {} s after the last sign)", why, percent(HIGH),
                HOLD_MILLIS / 1000);
        onChange.accept(true);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    boolean shortOfMemory() {
        return shortOfMemory;
    }

    /** The heap in use after the latest collection, as a share of the maximum (0 before one). */
    double lastAfterCollection() {
        return lastAfterCollection;
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
        unregister.clear();
    }
}
