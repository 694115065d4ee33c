package org.clearline.core.directory;

import org.clearline.store.Account;
import org.clearline.store.LineSettings;

/**
 * Read side of accounts and numbers for the hot path: in-memory, non-blocking,
 * callable from any shard. Implementations refresh from the store in the background.
 */
public interface Directory {
    /** The account with this SIP ID, or null. */
    Account account(String sipId);

    /** The SIP ID a number (E.164, "+49...") is assigned to, or null. */
    String ownerOfNumber(String e164);

    /** The line features of an account ({@link LineSettings#DEFAULT} when it has none of its own). */
    LineSettings lineSettings(String sipId);

    /** The numbers assigned to an account, in no particular order. */
    java.util.List<String> numbersOf(String sipId);
}
