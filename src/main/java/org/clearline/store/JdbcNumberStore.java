package org.clearline.store;

import java.util.List;
import java.util.Optional;

/** {@link NumberStore} on the H2 database; every change bumps the store version. */
public final class JdbcNumberStore implements NumberStore {
    private final Jdbc jdbc;

    JdbcNumberStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> owner(String e164) {
        if (!E164.isValid(e164)) return Optional.empty();
        return jdbc.query("SELECT sip_id FROM phone_number WHERE number = ?",
                s -> s.setString(1, e164), row -> row.getString(1)).stream().findFirst();
    }

    @Override
    public List<String> numbersOf(String sipId) {
        return jdbc.query("SELECT number FROM phone_number WHERE sip_id = ? ORDER BY number",
                s -> s.setString(1, sipId), row -> row.getString(1));
    }

    @Override
    public List<NumberAssignment> list() {
        return jdbc.query("SELECT number, sip_id FROM phone_number ORDER BY number", s -> {},
                row -> new NumberAssignment(row.getString(1), row.getString(2)));
    }

    /**
     * Assigns (or moves) a number to an account.
     *
     * @throws StoreException if the number is not E.164 or the account does not exist
     */
    @Override
    public void assign(String e164, String sipId) {
        E164.require(e164);
        jdbc.write(c -> {
            if (!Jdbc.exists(c, "SELECT 1 FROM account WHERE sip_id = ?", s -> s.setString(1, sipId))) {
                throw new StoreException("account '" + sipId + "' does not exist");
            }
            return Jdbc.execute(c, "MERGE INTO phone_number (number, sip_id) KEY (number) VALUES (?, ?)", s -> {
                s.setString(1, e164);
                s.setString(2, sipId);
            });
        }, rows -> true);
    }

    @Override
    public boolean unassign(String e164) {
        if (!E164.isValid(e164)) return false;
        return jdbc.write(c -> Jdbc.execute(c, "DELETE FROM phone_number WHERE number = ?",
                s -> s.setString(1, e164)) > 0, removed -> removed);
    }
}
