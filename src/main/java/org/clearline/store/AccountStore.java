package org.clearline.store;

import java.util.List;
import java.util.Optional;

/** Accounts, by SIP ID. Blocking JDBC: never call from a transport or shard thread. */
public interface AccountStore {
    Optional<Account> find(String sipId);

    List<Account> list();

    /** Creates or replaces the account. */
    void put(Account account);

    /** Removes the account, its numbers and its registrations; false if it did not exist. */
    boolean remove(String sipId);
}
