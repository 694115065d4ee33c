package org.clearline.store;

import java.util.List;
import java.util.Optional;

/** E.164 numbers ("+493012345001") assigned to accounts. Blocking JDBC. */
public interface NumberStore {
    /** The account a number belongs to. */
    Optional<String> owner(String e164);

    List<String> numbersOf(String sipId);

    /** Every assignment, number to SIP ID. */
    List<NumberAssignment> list();

    /** Assigns (or moves) a number to an account; the account must exist. */
    void assign(String e164, String sipId);

    boolean unassign(String e164);

    record NumberAssignment(String number, String sipId) {}
}
