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
 * Says when the server is short of memory: the heap stays full after garbage
 * collections. One collection that leaves the heap full says little (G1's young
 * collections leave the old generation's garbage for later mixed ones), so the
 * watch looks at the emptiest the heap was in a {@link #WINDOW_MILLIS} window:
 * if even that is above {@link #HIGH} of the maximum, what is live fills the
 * heap, and the next surge of retransmissions ends in collections that cannot
 * keep up. Memory counts as back once a collection, or the heap as it stands,
 * is below {@link #LOW}.
 *
 * <p>While short, the call log is lean (it keeps no messages of new calls and
 * registration attempts), so the memory call handling needs is not held by
 * ladders. Collections are reported by the JVM on its own notification thread.
 */
final class HeapWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeapWatch.class);
    /** Heap in use after every collection of a window, as a share of the maximum, that counts as short. */
    static final double HIGH = 0.70;
    /** Below this the memory counts as back. */
    static final double LOW = 0.50;
    /** The window whose emptiest collection decides. */
    static final long WINDOW_MILLIS = 2_000;

    private final Consumer<Boolean> onChange;
    private long windowStart = Long.MIN_VALUE;
    private double windowLowest;
    private volatile boolean shortOfMemory;
    private volatile double lastAfterCollection;
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
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        long used = 0;
        for (var e : info.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
        }
        collected(info.getEndTime(), used, max);
    }

    /** A collection ended at {@code atMillis} (any monotonic clock) leaving {@code usedAfter} of {@code max}. */
    synchronized void collected(long atMillis, long usedAfter, long max) {
        if (max <= 0) return;
        double share = (double) usedAfter / max;
        lastAfterCollection = share;
        if (shortOfMemory && share < LOW) {
            change(false, share);
            windowStart = atMillis;
            windowLowest = share;
            return;
        }
        if (windowStart == Long.MIN_VALUE || atMillis - windowStart >= WINDOW_MILLIS) {
            if (windowStart != Long.MIN_VALUE && !shortOfMemory && windowLowest >= HIGH) change(true, windowLowest);
            windowStart = atMillis;
            windowLowest = share;
        } else if (share < windowLowest) {
            windowLowest = share;
        }
    }

    /** The heap as it stands (from housekeeping): in use below {@link #LOW} means memory is back at once. */
    synchronized void inUse(long used, long max) {
        if (shortOfMemory && max > 0 && (double) used / max < LOW) change(false, (double) used / max);
    }

    /** Samples the heap as it stands now; called by housekeeping once a second. */
    void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        inUse(heap.getUsed(), Runtime.getRuntime().maxMemory());
    }

    private void change(boolean now, double share) {
        shortOfMemory = now;
        long percent = Math.round(share * 100);
        if (now) {
            log.warn("short of memory: the heap stayed {}% full after collections for {} s (counts as back below"
                    + " {}%)", percent, WINDOW_MILLIS / 1000, Math.round(LOW * 100));
        } else {
            log.info("memory back: {}% of the heap in use", percent);
        }
        onChange.accept(now);
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
