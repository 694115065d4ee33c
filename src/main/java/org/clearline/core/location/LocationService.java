package org.clearline.core.location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore.RegistrationChange;

/**
 * The location table (§10, "location service"): the live contact bindings of
 * every account, in memory, shared by all shards. Each account's bindings are an
 * immutable list replaced atomically, so readers never see a half-applied REGISTER.
 * Durability is the registrar's job: it writes to the store before it changes this table.
 */
public final class LocationService {
    private final ConcurrentHashMap<String, List<Registration>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger bindingCount = new AtomicInteger();

    /** Unexpired bindings of {@code sipId} at {@code nowMillis}, highest q first. */
    public List<Registration> lookup(String sipId, long nowMillis) {
        List<Registration> all = byAccount.get(sipId);
        if (all == null) return List.of();
        List<Registration> live = new ArrayList<>(all.size());
        for (Registration r : all) {
            if (r.expiresAt() > nowMillis) live.add(r);
        }
        if (live.size() > 1) live.sort((a, b) -> Double.compare(b.q(), a.q()));
        return live;
    }

    /** Every binding stored for {@code sipId}, lapsed or not (the registrar's view). */
    public List<Registration> bindings(String sipId) {
        return byAccount.getOrDefault(sipId, List.of());
    }

    /** Replaces the bindings of one account; an empty list removes the account's entry. */
    public void replace(String sipId, List<Registration> bindings) {
        List<Registration> copy = List.copyOf(bindings);
        List<Registration> old = copy.isEmpty() ? byAccount.remove(sipId) : byAccount.put(sipId, copy);
        bindingCount.addAndGet(copy.size() - (old == null ? 0 : old.size()));
    }

    /**
     * Applies one REGISTER's committed changes (all of account {@code sipId}) to the
     * bindings as they are now, atomically, and returns the account's live bindings.
     * Not to the bindings the registrar read before its store write: another REGISTER
     * of the same account (another device, maybe on another shard) may have committed
     * in between, and replacing the list would drop that device's binding.
     */
    public List<Registration> apply(String sipId, List<RegistrationChange> changes, long nowMillis) {
        List<List<Registration>> result = new ArrayList<>(1);
        byAccount.compute(sipId, (k, old) -> {
            Map<String, Registration> live = new LinkedHashMap<>();
            if (old != null) {
                for (Registration r : old) {
                    if (r.expiresAt() > nowMillis) live.put(r.contact(), r);
                }
            }
            for (RegistrationChange c : changes) {
                switch (c) {
                    case RegistrationChange.Upsert u -> live.put(u.registration().contact(), u.registration());
                    case RegistrationChange.Remove r -> live.remove(r.contact());
                    case RegistrationChange.RemoveAll a -> live.clear();
                }
            }
            List<Registration> next = List.copyOf(live.values());
            bindingCount.addAndGet(next.size() - (old == null ? 0 : old.size()));
            result.add(next);
            return next.isEmpty() ? null : next;
        });
        return result.get(0);
    }

    /** Loads bindings read from the store at start (lapsed ones are skipped). */
    public void load(List<Registration> stored, long nowMillis) {
        java.util.Map<String, List<Registration>> grouped = new java.util.HashMap<>();
        for (Registration r : stored) {
            if (r.expiresAt() > nowMillis) grouped.computeIfAbsent(r.sipId(), k -> new ArrayList<>()).add(r);
        }
        grouped.forEach(this::replace);
    }

    /** Drops lapsed bindings from memory; returns how many were dropped. */
    public int sweep(long nowMillis) {
        int[] dropped = {0};
        for (String sipId : byAccount.keySet()) {
            byAccount.computeIfPresent(sipId, (k, list) -> {
                List<Registration> live = new ArrayList<>(list.size());
                for (Registration r : list) {
                    if (r.expiresAt() > nowMillis) live.add(r);
                }
                int gone = list.size() - live.size();
                if (gone == 0) return list;
                dropped[0] += gone;
                bindingCount.addAndGet(-gone);
                return live.isEmpty() ? null : List.copyOf(live);
            });
        }
        return dropped[0];
    }

    /**
     * Drops every binding of the accounts {@code exists} no longer knows (removed from
     * the store by the CLI or another node) and returns how many accounts were dropped.
     */
    public int forgetAccounts(java.util.function.Predicate<String> exists) {
        int n = 0;
        for (String sipId : List.copyOf(byAccount.keySet())) {
            if (!exists.test(sipId)) {
                replace(sipId, List.of());
                n++;
            }
        }
        return n;
    }

    /** Number of bindings held (lapsed ones included until the next sweep). */
    public int size() {
        return bindingCount.get();
    }

    /** Number of accounts with at least one binding. */
    public int accounts() {
        return byAccount.size();
    }

    /** Unexpired bindings of every account at {@code nowMillis}, for listings (the REST API, the dashboard). */
    public List<Registration> all(long nowMillis) {
        List<Registration> live = new ArrayList<>(Math.max(0, bindingCount.get()));
        for (List<Registration> bindings : byAccount.values()) {
            for (Registration r : bindings) {
                if (r.expiresAt() > nowMillis) live.add(r);
            }
        }
        return live;
    }
}
