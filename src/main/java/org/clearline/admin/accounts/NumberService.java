package org.clearline.admin.accounts;

import java.util.List;
import java.util.Optional;
import org.clearline.admin.Refusal;
import org.clearline.store.E164;
import org.clearline.store.JdbcStore;
import org.clearline.store.NumberStore.NumberAssignment;

/** Assigning E.164 numbers to accounts, with the rules the CLI and the REST API share. Blocking JDBC. */
public final class NumberService {
    private final JdbcStore store;

    public NumberService(JdbcStore store) {
        this.store = store;
    }

    public List<NumberAssignment> list() {
        return store.numbers().list();
    }

    /** The account {@code number} belongs to, or a refusal (malformed: invalid; unassigned: not found). */
    public String owner(String number) {
        requireE164(number);
        return store.numbers().owner(number).orElseThrow(() -> notAssigned(number));
    }

    /**
     * Assigns (or moves) {@code number} to {@code sipId}.
     *
     * @return the account it belonged to before, if any (the same one when nothing changed)
     */
    public Optional<String> assign(String number, String sipId) {
        requireE164(number);
        AccountService.require(store.accounts(), sipId);
        Optional<String> previous = store.numbers().owner(number);
        store.numbers().assign(number, sipId);
        return previous;
    }

    /** Takes {@code number} away from its account; returns that account. */
    public String unassign(String number) {
        String owner = owner(number);
        if (!store.numbers().unassign(number)) throw notAssigned(number);
        return owner;
    }

    private static void requireE164(String number) {
        E164.problem(number).ifPresent(p -> { throw Refusal.invalid("number", p); });
    }

    private static Refusal notAssigned(String number) {
        return Refusal.notFound("number", "number " + number + " is not assigned");
    }
}
