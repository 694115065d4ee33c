package org.clearline.admin.web;

import java.util.List;
import java.util.Optional;
import org.clearline.store.Account;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;

/**
 * What the dashboard can read itself about one account: the account, its
 * numbers and line features from the store, its live bindings and calls up
 * from the stack, and its recent failures from the call log.
 */
record AccountFacts(Account account, List<String> numbers, LineSettings line, List<Registration> bindings,
                    int callsUp, List<CallRecord> failedCalls, List<RegistrationRecord> registrationAttempts,
                    long now) {
    /** How far back recent failures are read. */
    static final long RECENT_MILLIS = 7 * 86_400_000L;
    /** Failed calls and registration attempts listed at most. */
    static final int RECENT_LIMIT = 20;

    static Optional<AccountFacts> read(DashboardSources src, String sipId) {
        Optional<Account> account = src.accounts().find(sipId);
        if (account.isEmpty()) return Optional.empty();
        long now = src.now();
        return Optional.of(new AccountFacts(account.get(), src.numbers().numbersOf(sipId), src.lines().get(sipId),
                src.location().lookup(sipId, now), src.activeCalls().active(sipId),
                src.callLog().list(new CallFilter(true, sipId, now - RECENT_MILLIS, RECENT_LIMIT)),
                src.callLog().registrations(sipId, now - RECENT_MILLIS, RECENT_LIMIT), now));
    }
}
