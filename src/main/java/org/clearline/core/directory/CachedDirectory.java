package org.clearline.core.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clearline.store.Account;
import org.clearline.store.NumberStore.NumberAssignment;

/**
 * A {@link Directory} over immutable snapshots that {@link #reload()} replaces
 * as a whole. Readers never block and always see one consistent snapshot.
 * Reloading is blocking (it reads the store) and runs off the hot path.
 */
public final class CachedDirectory implements Directory {
    private record Snapshot(Map<String, Account> accounts, Map<String, String> numberOwners) {}

    private final Supplier<List<Account>> accounts;
    private final Supplier<List<NumberAssignment>> numbers;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    public CachedDirectory(Supplier<List<Account>> accounts, Supplier<List<NumberAssignment>> numbers) {
        this.accounts = accounts;
        this.numbers = numbers;
    }

    /** Reads everything from the store and swaps the snapshot in. */
    public void reload() {
        Map<String, Account> a = new HashMap<>();
        for (Account acc : accounts.get()) a.put(acc.sipId(), acc);
        Map<String, String> n = new HashMap<>();
        for (NumberAssignment na : numbers.get()) n.put(na.number(), na.sipId());
        snapshot = new Snapshot(Map.copyOf(a), Map.copyOf(n));
    }

    @Override
    public Account account(String sipId) {
        return sipId == null ? null : snapshot.accounts.get(sipId);
    }

    @Override
    public String ownerOfNumber(String e164) {
        return e164 == null ? null : snapshot.numberOwners.get(e164);
    }

    public int accountCount() {
        return snapshot.accounts.size();
    }
}
