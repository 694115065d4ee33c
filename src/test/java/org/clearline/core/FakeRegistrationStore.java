package org.clearline.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore;

/**
 * An in-memory {@link RegistrationStore}. By default every write "commits" at
 * once; after {@link #hold()} writes wait until the test completes or fails
 * them ({@link #commitNext()}, {@link #failNext}), which is how a test sees
 * what the registrar does before and after its group commit.
 */
public final class FakeRegistrationStore implements RegistrationStore {
    private final Map<String, Registration> rows = new LinkedHashMap<>();
    private final List<List<RegistrationChange>> applied = new ArrayList<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean holding;

    private record Pending(List<RegistrationChange> changes, CompletableFuture<Void> future) {}

    /** From now on writes stay pending until the test completes them. */
    public synchronized void hold() {
        holding = true;
    }

    public synchronized int pendingWrites() {
        return pending.size();
    }

    /** Commits the oldest pending write and completes its future. */
    public void commitNext() {
        Pending p;
        synchronized (this) {
            p = pending.removeFirst();
            commit(p.changes);
        }
        p.future.complete(null);
    }

    /** Fails the oldest pending write; nothing of it is stored. */
    public void failNext(Throwable cause) {
        Pending p;
        synchronized (this) {
            p = pending.removeFirst();
        }
        p.future.completeExceptionally(cause);
    }

    /** Every change list handed to {@link #apply}, committed or not, in order. */
    public synchronized List<List<RegistrationChange>> applied() {
        return List.copyOf(applied);
    }

    /** What is durably stored now, keyed by "sipId contact". */
    public synchronized List<Registration> rows() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized List<Registration> loadAll() {
        return rows();
    }

    @Override
    public synchronized CompletableFuture<Void> apply(List<RegistrationChange> changes) {
        applied.add(List.copyOf(changes));
        if (holding) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.addLast(new Pending(List.copyOf(changes), f));
            return f;
        }
        commit(changes);
        return CompletableFuture.completedFuture(null);
    }

    private void commit(List<RegistrationChange> changes) {
        for (RegistrationChange c : changes) {
            switch (c) {
                case RegistrationChange.Upsert u ->
                        rows.put(u.registration().sipId() + " " + u.registration().contact(), u.registration());
                case RegistrationChange.Remove r -> rows.remove(r.sipId() + " " + r.contact());
                case RegistrationChange.RemoveAll a -> rows.values().removeIf(x -> x.sipId().equals(a.sipId()));
            }
        }
    }
}
