package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.store.RegistrationStore.RegistrationChange.Remove;
import org.clearline.store.RegistrationStore.RegistrationChange.RemoveAll;
import org.clearline.store.RegistrationStore.RegistrationChange.Upsert;

/** The SQL of registration changes, executed as JDBC batches in their original order. */
final class RegistrationStatements {
    private static final String UPSERT = "MERGE INTO registration (sip_id, contact, call_id, cseq, expires_at,"
            + " registered_at, q, path, source, user_agent) KEY (sip_id, contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REMOVE = "DELETE FROM registration WHERE sip_id = ? AND contact = ?";
    private static final String REMOVE_ALL = "DELETE FROM registration WHERE sip_id = ?";

    private RegistrationStatements() {}

    /**
     * Executes every change on {@code c} (which the caller commits). Consecutive
     * changes of one kind share a JDBC batch; a change of another kind first
     * flushes the open batch, because a "Contact: *" removal followed by a new
     * binding of the same account must happen in that order (§10.3 step 6).
     */
    static void execute(Connection c, List<List<RegistrationChange>> writes) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT);
             PreparedStatement remove = c.prepareStatement(REMOVE);
             PreparedStatement removeAll = c.prepareStatement(REMOVE_ALL)) {
            PreparedStatement open = null;
            for (List<RegistrationChange> write : writes) {
                for (RegistrationChange change : write) {
                    PreparedStatement target = switch (change) {
                        case Upsert u -> upsert;
                        case Remove r -> remove;
                        case RemoveAll a -> removeAll;
                    };
                    if (open != null && open != target) open.executeBatch();
                    open = target;
                    bind(target, change);
                    target.addBatch();
                }
            }
            if (open != null) open.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, RegistrationChange change) throws SQLException {
        switch (change) {
            case Upsert(Registration r) -> {
                s.setString(1, r.sipId());
                s.setString(2, r.contact());
                s.setString(3, r.callId());
                s.setLong(4, r.cseq());
                s.setLong(5, r.expiresAt());
                s.setLong(6, r.registeredAt());
                s.setDouble(7, r.q());
                s.setString(8, orEmpty(r.path()));
                s.setString(9, orEmpty(r.source()));
                s.setString(10, orEmpty(r.userAgent()));
            }
            case Remove(String sipId, String contact) -> {
                s.setString(1, sipId);
                s.setString(2, contact);
            }
            case RemoveAll(String sipId) -> s.setString(1, sipId);
        }
    }

    /** What makes this write unstorable, or empty if it can be stored. */
    static Optional<String> problem(List<RegistrationChange> changes) {
        if (changes == null) return Optional.of("registration changes must not be null");
        for (RegistrationChange change : changes) {
            String problem = switch (change) {
                case null -> "a registration change is null";
                case Upsert(Registration r) when r == null -> "an upsert carries no registration";
                case Upsert(Registration r) when missing(r.sipId()) || missing(r.contact()) ->
                        "a registration needs a sipId and a contact";
                case Upsert(Registration r) when r.callId() == null ->
                        "registration of '" + r.sipId() + "' has no Call-ID";
                case Upsert u -> null;
                case Remove(String sipId, String contact) when missing(sipId) || missing(contact) ->
                        "a removal needs a sipId and a contact";
                case Remove r -> null;
                case RemoveAll(String sipId) when missing(sipId) -> "removing all bindings needs a sipId";
                case RemoveAll a -> null;
            };
            if (problem != null) return Optional.of(problem);
        }
        return Optional.empty();
    }

    private static boolean missing(String value) {
        return value == null || value.isEmpty();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
