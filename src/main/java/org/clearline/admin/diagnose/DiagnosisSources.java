package org.clearline.admin.diagnose;

import org.clearline.store.AccountStore;
import org.clearline.store.CallLogStore;
import org.clearline.store.JdbcStore;
import org.clearline.store.LineSettingsStore;
import org.clearline.store.NumberStore;
import org.clearline.store.RegistrationStore;

/**
 * The durable facts a diagnosis reads: accounts, numbers, line features,
 * registrations (used when no server is running: they are what it would load)
 * and the call and registration log. All blocking: never call from a shard.
 */
public record DiagnosisSources(AccountStore accounts, NumberStore numbers, LineSettingsStore lines,
                               RegistrationStore registrations, CallLogStore log) {
    public static DiagnosisSources of(JdbcStore store) {
        return new DiagnosisSources(store.accounts(), store.numbers(), store.lines(), store.registrations(),
                store.callLog());
    }
}
