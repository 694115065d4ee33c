package org.clearline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link AccountStore} on the H2 database; every change bumps the store version. */
public final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "sip_id, display_name, ha1_md5, ha1_sha256, enabled";

    private final Jdbc jdbc;

    JdbcAccountStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> find(String sipId) {
        if (sipId == null) return Optional.empty();
        return jdbc.query("SELECT " + COLUMNS + " FROM account WHERE sip_id = ?",
                s -> s.setString(1, sipId), JdbcAccountStore::account).stream().findFirst();
    }

    @Override
    public List<Account> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM account ORDER BY sip_id", s -> {}, JdbcAccountStore::account);
    }

    /**
     * Creates or replaces the account (its numbers and registrations stay).
     *
     * @throws StoreException if the SIP ID or the HA1 values are malformed
     */
    @Override
    public void put(Account account) {
        SipIds.require(account.sipId());
        Ha1.problem(account.ha1Md5(), account.ha1Sha256()).ifPresent(p -> {
            throw new StoreException("account '" + account.sipId() + "': " + p);
        });
        String displayName = account.displayName() == null ? "" : account.displayName();
        // MERGE ... KEY keeps columns it does not name (created_at) on update.
        jdbc.write(c -> Jdbc.execute(c,
                "MERGE INTO account (" + COLUMNS + ") KEY (sip_id) VALUES (?, ?, ?, ?, ?)", s -> {
                    s.setString(1, account.sipId());
                    s.setString(2, displayName);
                    s.setString(3, account.ha1Md5());
                    s.setString(4, account.ha1Sha256());
                    s.setBoolean(5, account.enabled());
                }), rows -> true);
    }

    @Override
    public boolean remove(String sipId) {
        if (sipId == null) return false;
        return jdbc.write(c -> {
            Jdbc.execute(c, "DELETE FROM registration WHERE sip_id = ?", s -> s.setString(1, sipId));
            Jdbc.execute(c, "DELETE FROM phone_number WHERE sip_id = ?", s -> s.setString(1, sipId));
            return Jdbc.execute(c, "DELETE FROM account WHERE sip_id = ?", s -> s.setString(1, sipId)) > 0;
        }, removed -> removed);
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5));
    }
}
