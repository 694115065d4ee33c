package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * {@link CallLogStore} on the H2 database. Log writes never bump the store
 * version: the server's caches do not depend on the log.
 */
public final class JdbcCallLogStore implements CallLogStore {
    private static final String CALL_COLUMNS = "id, call_id, started_at, source, caller, caller_user, callee,"
            + " callee_e164, code, situation, post_dial_ms, ring_ms, duration_ms, messages_dropped";

    private final Jdbc jdbc;

    JdbcCallLogStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(List<CallRecord> calls, List<RegistrationRecord> registrations) {
        if (calls.isEmpty() && registrations.isEmpty()) return;
        jdbc.write(c -> {
            insertCalls(c, calls);
            insertRegistrations(c, registrations);
            return false;
        }, changed -> false);
    }

    private static void insertCalls(Connection c, List<CallRecord> calls) throws SQLException {
        if (calls.isEmpty()) return;
        try (PreparedStatement call = c.prepareStatement("INSERT INTO call_log (call_id, started_at, source, caller,"
                + " caller_user, callee, callee_e164, code, situation, post_dial_ms, ring_ms, duration_ms,"
                + " messages_dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement message = c.prepareStatement("INSERT INTO call_message (call_log_id, seq, at_ms,"
                     + " direction, peer, start_line, text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CallRecord r : calls) {
                call.setString(1, r.callId());
                call.setLong(2, r.startedAt());
                call.setString(3, nz(r.source()));
                call.setString(4, nz(r.caller()));
                call.setString(5, nz(r.callerUser()));
                call.setString(6, nz(r.callee()));
                setNullable(call, 7, r.calleeE164());
                call.setInt(8, r.code());
                setNullable(call, 9, r.situation());
                call.setLong(10, r.postDialMillis());
                call.setLong(11, r.ringMillis());
                call.setLong(12, r.durationMillis());
                call.setInt(13, r.messagesDropped());
                call.executeUpdate();
                long id;
                try (ResultSet keys = call.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                int seq = 0;
                for (LoggedMessage m : r.messages()) {
                    message.setLong(1, id);
                    message.setInt(2, seq++);
                    message.setLong(3, m.atMillis());
                    message.setString(4, m.direction().key());
                    message.setString(5, nz(m.peer()));
                    message.setString(6, nz(m.startLine()));
                    message.setString(7, nz(m.text()));
                    message.addBatch();
                }
            }
            message.executeBatch();
        }
    }

    private static void insertRegistrations(Connection c, List<RegistrationRecord> registrations) throws SQLException {
        if (registrations.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_log (call_id, at_ms, source, sip_id,"
                + " code, situation) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RegistrationRecord r : registrations) {
                s.setString(1, nz(r.callId()));
                s.setLong(2, r.atMillis());
                s.setString(3, nz(r.source()));
                setNullable(s, 4, r.sipId());
                s.setInt(5, r.code());
                setNullable(s, 6, r.situation());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public List<CallRecord> list(CallFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + CALL_COLUMNS + " FROM call_log WHERE started_at >= ?");
        if (f.failedOnly()) sql.append(" AND code >= 300");
        if (f.account() != null) sql.append(" AND (caller_user = ? OR callee = ? OR callee_e164 = ?)");
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        return jdbc.query(sql.toString(), s -> {
            int i = 1;
            s.setLong(i++, f.sinceMillis());
            if (f.account() != null) {
                for (int k = 0; k < 3; k++) s.setString(i++, f.account());
            }
            s.setInt(i, Math.max(1, f.limit()));
        }, rows -> call(rows, List.of()));
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        List<Long> ids = jdbc.query("SELECT id FROM call_log WHERE call_id = ? ORDER BY started_at DESC, id DESC LIMIT 1",
                s -> s.setString(1, callId), rows -> rows.getLong(1));
        if (ids.isEmpty()) return Optional.empty();
        long id = ids.get(0);
        List<LoggedMessage> messages = jdbc.query("SELECT at_ms, direction, peer, start_line, text FROM call_message"
                + " WHERE call_log_id = ? ORDER BY seq", s -> s.setLong(1, id),
                rows -> new LoggedMessage(rows.getLong(1), LoggedMessage.Direction.byKey(rows.getString(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5)));
        return jdbc.query("SELECT " + CALL_COLUMNS + " FROM call_log WHERE id = ?", s -> s.setLong(1, id),
                rows -> call(rows, messages)).stream().findFirst();
    }

    @Override
    public List<RegistrationRecord> registrations(String sipId, long sinceMillis, int limit) {
        String sql = "SELECT call_id, at_ms, source, sip_id, code, situation FROM registration_log WHERE at_ms >= ?"
                + (sipId == null ? "" : " AND sip_id = ?") + " ORDER BY at_ms DESC, id DESC LIMIT ?";
        return jdbc.query(sql, s -> {
            s.setLong(1, sinceMillis);
            int i = 2;
            if (sipId != null) s.setString(i++, sipId);
            s.setInt(i, Math.max(1, limit));
        }, rows -> new RegistrationRecord(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                rows.getInt(5), rows.getString(6)));
    }

    @Override
    public int purge(long beforeMillis, int maxRows) {
        return jdbc.write(c -> {
            int n = deleteWhere(c, "DELETE FROM call_log WHERE started_at < ?", beforeMillis);
            n += deleteWhere(c, "DELETE FROM registration_log WHERE at_ms < ?", beforeMillis);
            n += keepNewest(c, "call_log", maxRows);
            n += keepNewest(c, "registration_log", maxRows);
            return n;
        }, changed -> false);
    }

    private static int deleteWhere(Connection c, String sql, long value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, value);
            return s.executeUpdate();
        }
    }

    /** Ids grow with insertion, so the newest rows are those with the highest ids. */
    private static int keepNewest(Connection c, String table, int maxRows) throws SQLException {
        long threshold;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " ORDER BY id DESC OFFSET ? ROWS"
                + " FETCH FIRST 1 ROWS ONLY")) {
            s.setInt(1, maxRows);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) return 0;
                threshold = rows.getLong(1);
            }
        }
        return deleteWhere(c, "DELETE FROM " + table + " WHERE id <= ?", threshold);
    }

    private static CallRecord call(ResultSet r, List<LoggedMessage> messages) throws SQLException {
        return new CallRecord(r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getInt(9), r.getString(10), r.getLong(11), r.getLong(12),
                r.getLong(13), r.getInt(14), messages);
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) s.setNull(index, Types.VARCHAR);
        else s.setString(index, value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
