package org.clearline.core.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clearline.store.Account;
import org.clearline.store.LineSettings;
import org.clearline.store.NumberStore.NumberAssignment;

/**
 * A {@link Directory} over immutable snapshots that {@link #reload()} replaces
 * as a whole. Readers never block and always see one consistent snapshot.
 * Reloading is blocking (it reads the store) and runs off the hot path.
 */
public final class CachedDirectory implements Directory {
    private record Snapshot(Map<String, Account> accounts, Map<String, String> numberOwners,
                            Map<String, List<String>> numbersBySipId, Map<String, LineSettings> lines) {}

    private final Supplier<List<Account>> accounts;
    private final Supplier<List<NumberAssignment>> numbers;
    private final Supplier<Map<String, LineSettings>> lines;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of());

    public CachedDirectory(Supplier<List<Account>> accounts, Supplier<List<NumberAssignment>> numbers,
                           Supplier<Map<String, LineSettings>> lines) {
        this.accounts = accounts;
        this.numbers = numbers;
        this.lines = lines;
    }

    /** Accounts with plain lines only. */
    public CachedDirectory(Supplier<List<Account>> accounts, Supplier<List<NumberAssignment>> numbers) {
        this(accounts, numbers, Map::of);
    }

    /** Reads everything from the store and swaps the snapshot in. */
    public void reload() {
        Map<String, Account> a = new HashMap<>();
        for (Account acc : accounts.get()) a.put(acc.sipId(), acc);
        Map<String, String> n = new HashMap<>();
        Map<String, List<String>> bySipId = new HashMap<>();
        for (NumberAssignment na : numbers.get()) {
            n.put(na.number(), na.sipId());
            bySipId.computeIfAbsent(na.sipId(), k -> new java.util.ArrayList<>()).add(na.number());
        }
        bySipId.replaceAll((k, v) -> List.copyOf(v));
        snapshot = new Snapshot(Map.copyOf(a), Map.copyOf(n), Map.copyOf(bySipId), Map.copyOf(lines.get()));
    }

    @Override
    public Account account(String sipId) {
        return sipId == null ? null : snapshot.accounts.get(sipId);
    }

    @Override
    public String ownerOfNumber(String e164) {
        return e164 == null ? null : snapshot.numberOwners.get(e164);
    }

    @Override
    public LineSettings lineSettings(String sipId) {
        LineSettings s = sipId == null ? null : snapshot.lines.get(sipId);
        return s == null ? LineSettings.DEFAULT : s;
    }

    @Override
    public List<String> numbersOf(String sipId) {
        return sipId == null ? List.of() : snapshot.numbersBySipId.getOrDefault(sipId, List.of());
    }

    public int accountCount() {
        return snapshot.accounts.size();
    }
}
