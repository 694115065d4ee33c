package org.clearline.admin.config;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.clearline.admin.config.AccountConfig.Credentials;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the store agree with the accounts of the configuration file, and
 * changes nothing when it already does (so restarting writes nothing). The
 * file is authoritative for the accounts it declares, including their
 * numbers; accounts created with the CLI and absent from the file are left
 * alone.
 */
public final class Provisioner {
    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    /** What one run changed. */
    public record Report(int created, int updated, int unchanged, int numbersAssigned, int numbersUnassigned) {
        public boolean changedAnything() {
            return created + updated + numbersAssigned + numbersUnassigned > 0;
        }
    }

    private Provisioner() {}

    /**
     * Applies {@code config} to {@code store}: records the realm (server.domain)
     * in the store's meta, then creates or updates each declared account and
     * gives it exactly the declared numbers.
     */
    public static Report apply(ClearlineConfig config, JdbcStore store) {
        String realm = config.server().domain();
        Optional<String> previousRealm = store.meta(JdbcStore.META_REALM);
        if (previousRealm.isPresent() && !previousRealm.get().equals(realm)) {
            // §22.4: HA1 covers the realm; HA1s of CLI-made accounts were computed for the old one
            log.warn("realm changed from {} to {}: accounts not in the config can no longer authenticate "
                    + "until their password is set again (clearline account passwd)", previousRealm.get(), realm);
        }
        store.putMeta(JdbcStore.META_REALM, realm);

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int assigned = 0;
        int unassigned = 0;
        for (AccountConfig declared : config.accounts()) {
            Account wanted = account(declared, realm);
            Optional<Account> existing = store.accounts().find(declared.sipId());
            if (existing.isEmpty()) {
                store.accounts().put(wanted);
                created++;
            } else if (!existing.get().equals(wanted)) {
                store.accounts().put(wanted);
                updated++;
            } else {
                unchanged++;
            }
            // the file decides the line features of the accounts it declares, as it does their numbers
            if (!store.lines().get(declared.sipId()).equals(declared.line())) {
                store.lines().put(declared.sipId(), declared.line());
            }
            Set<String> current = new LinkedHashSet<>(store.numbers().numbersOf(declared.sipId()));
            for (String number : declared.numbers()) {
                if (current.contains(number)) continue;
                store.numbers().owner(number).ifPresent(owner ->
                        log.info("number {} moves from {} to {} as the config says", number, owner, declared.sipId()));
                store.numbers().assign(number, declared.sipId());
                assigned++;
            }
            for (String number : current) {
                if (declared.numbers().contains(number)) continue;
                log.info("number {} no longer belongs to {}: not in the config", number, declared.sipId());
                store.numbers().unassign(number);
                unassigned++;
            }
        }
        Report report = new Report(created, updated, unchanged, assigned, unassigned);
        log.info("provisioned {} accounts from the config: {} created, {} updated, {} unchanged; numbers {} assigned, {} unassigned",
                config.accounts().size(), created, updated, unchanged, assigned, unassigned);
        return report;
    }

    static Account account(AccountConfig declared, String realm) {
        Ha1 ha1 = switch (declared.credentials()) {
            case Credentials.Password(String password) -> Ha1.of(declared.sipId(), realm, password);
            case Credentials.Ha1Values(String md5, String sha256) -> new Ha1(md5, sha256);
        };
        return new Account(declared.sipId(), declared.displayName(), ha1.md5(), ha1.sha256(), declared.enabled());
    }
}
