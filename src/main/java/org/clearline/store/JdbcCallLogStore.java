package org.clearline.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link CallLogStore} on its own H2 file ({@link CallLogDatabase}): one row
 * per call or registration attempt; its ladder, one compressed value
 * ({@link LadderBlob}), lies in a segment file beside the database
 * ({@link LadderSegments}). Every failure is a one-line {@link StoreException};
 * none of them touches the store of accounts and registrations.
 */
public final class JdbcCallLogStore implements CallLogStore, AutoCloseable {
    private static final String CALL_COLUMNS = "id, call_id, started_at, source, caller, caller_user, callee,"
            + " callee_e164, code, situation, post_dial_ms, ring_ms, duration_ms, messages_dropped, route";
    private static final String REGISTRATION_COLUMNS = "call_id, at_ms, source, sip_id, code, situation,"
            + " messages_dropped";

    private final CallLogDatabase database;
    private final LadderDictionaries dictionaries;
    private final LadderSegments segments;

    JdbcCallLogStore(CallLogDatabase database) {
        this(database, System::currentTimeMillis, LadderDictionaries.SAMPLE_BYTES, LadderDictionaries.RELEARN_MILLIS);
    }

    /** A log that learns its dictionaries from {@code sampleBytes} of ladders, again after {@code relearnMillis} of {@code clock}. */
    JdbcCallLogStore(CallLogDatabase database, LongSupplier clock, int sampleBytes, long relearnMillis) {
        this.database = database;
        this.dictionaries = new LadderDictionaries(this::run, database::opens, clock, sampleBytes, relearnMillis);
        this.segments = new LadderSegments(database.dataDir(), this::run);
    }

    /** The dictionary ladders are compressed with now; null before the first was learnt. */
    Integer dictionaryId() {
        ZstdCodec.Dictionary d = dictionaries.current();
        return d == null ? null : d.id();
    }

    /** The log's ladders are compressed with the dictionary it learnt from them ({@link LadderDictionaries}). */
    @Override
    public LadderEncoder encoder() {
        return dictionaries.encoder();
    }

    /** The call log of {@code dataDir} on its own (benchmarks, tools); opened on first use. */
    public static JdbcCallLogStore open(Path dataDir) {
        return new JdbcCallLogStore(new CallLogDatabase(dataDir));
    }

    /** Runs {@code work} on a connection (one transaction when {@code transaction}); failures become one line. */
    private <T> T run(String what, boolean transaction, Jdbc.Work<T> work) {
        try (Connection c = database.connection()) {
            return transaction ? Jdbc.inTransaction(c, work) : work.run(c);
        } catch (SQLException e) {
            database.failed(e);
            throw new StoreException("call log " + what + " failed: " + ErrorText.describe(e), e);
        }
    }

    @Override
    public void append(List<CallRecord> calls, List<RegistrationRecord> registrations) {
        if (calls.isEmpty() && registrations.isEmpty()) return;
        // compress outside the transaction: the connection is held only for the inserts
        List<Encoded<CallRecord>> encodedCalls = new ArrayList<>(calls.size());
        List<Encoded<RegistrationRecord>> encodedRegistrations = new ArrayList<>(registrations.size());
        try (LadderEncoder encoder = encoder()) {
            for (CallRecord r : calls) encodedCalls.add(new Encoded<>(r, encoder.encode(r.messages())));
            for (RegistrationRecord r : registrations) {
                encodedRegistrations.add(new Encoded<>(r, encoder.encode(r.messages())));
            }
        }
        appendEncoded(encodedCalls, encodedRegistrations);
    }

    @Override
    public void appendEncoded(List<Encoded<CallRecord>> calls, List<Encoded<RegistrationRecord>> registrations) {
        if (calls.isEmpty() && registrations.isEmpty()) return;
        // the batch's ladders side by side in one write to a segment, each row naming its slice
        LadderSegments.Batch ladders = new LadderSegments.Batch();
        List<LadderSegments.Slot> callSlots = new ArrayList<>(calls.size());
        for (Encoded<CallRecord> e : calls) callSlots.add(ladders.add(e.ladder()));
        List<LadderSegments.Slot> registrationSlots = new ArrayList<>(registrations.size());
        for (Encoded<RegistrationRecord> e : registrations) registrationSlots.add(ladders.add(e.ladder()));
        synchronized (segments) {  // one writer thread; a second one (tests, tools) waits its turn
            run("write", true, c -> {
                LadderSegments.Placed placed = segments.write(c, ladders);
                insertCalls(c, calls, callSlots, placed);
                insertRegistrations(c, registrations, registrationSlots, placed);
                return null;
            });
        }
    }

    private static void insertCalls(Connection c, List<Encoded<CallRecord>> calls, List<LadderSegments.Slot> slots,
                                    LadderSegments.Placed placed) throws SQLException {
        insert(c, CallLogKeys.Log.CALLS, "INSERT INTO call_log (call_id, started_at, source, caller, caller_user,"
                + " callee, callee_e164, code, situation, post_dial_ms, ring_ms, duration_ms, messages_dropped, route,"
                + " ladder_segment, ladder_offset, ladder_length)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", calls.size(), (s, i) -> {
                    CallRecord r = calls.get(i).record();
                    s.setString(1, nz(r.callId()));
                    s.setLong(2, r.startedAt());
                    s.setString(3, nz(r.source()));
                    s.setString(4, nz(r.caller()));
                    s.setString(5, nz(r.callerUser()));
                    s.setString(6, nz(r.callee()));
                    setNullable(s, 7, r.calleeE164());
                    s.setInt(8, r.code());
                    setNullable(s, 9, r.situation());
                    s.setLong(10, r.postDialMillis());
                    s.setLong(11, r.ringMillis());
                    s.setLong(12, r.durationMillis());
                    s.setInt(13, r.messagesDropped());
                    s.setString(14, RouteJson.encode(r.route()));
                    bindLadder(s, 15, slots.get(i), placed);
                    return r.callId();
                });
    }

    private static void insertRegistrations(Connection c, List<Encoded<RegistrationRecord>> registrations,
                                            List<LadderSegments.Slot> slots, LadderSegments.Placed placed)
            throws SQLException {
        insert(c, CallLogKeys.Log.REGISTRATIONS, "INSERT INTO registration_log (call_id, at_ms, source, sip_id, code,"
                + " situation, messages_dropped, ladder_segment, ladder_offset, ladder_length)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", registrations.size(), (s, i) -> {
                    RegistrationRecord r = registrations.get(i).record();
                    s.setString(1, nz(r.callId()));
                    s.setLong(2, r.atMillis());
                    s.setString(3, nz(r.source()));
                    setNullable(s, 4, r.sipId());
                    s.setInt(5, r.code());
                    setNullable(s, 6, r.situation());
                    s.setInt(7, r.messagesDropped());
                    bindLadder(s, 8, slots.get(i), placed);
                    return r.callId();
                });
    }

    /** Binds the parameters of row {@code i}; returns its Call-ID. */
    private interface RowBinder {
        String bind(PreparedStatement s, int i) throws SQLException;
    }

    /** Inserts {@code rows} rows into {@code log}'s table in one batch, and their Call-ID keys as one row beside. */
    private static void insert(Connection c, CallLogKeys.Log log, String sql, int rows, RowBinder binder)
            throws SQLException {
        if (rows == 0) return;
        int[] keys = new int[rows];
        long[] ids = new long[rows];
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"ID"})) {
            for (int i = 0; i < rows; i++) {
                keys[i] = CallLogKeys.key(binder.bind(s, i));
                s.addBatch();
            }
            s.executeBatch();
            try (ResultSet generated = s.getGeneratedKeys()) {
                for (int i = 0; i < rows; i++) {
                    if (!generated.next()) {
                        throw new SQLException("the log returned " + i + " row ids for " + rows + " rows");
                    }
                    ids[i] = generated.getLong(1);
                }
            }
        }
        CallLogKeys.append(c, log, keys, ids);
    }

    @Override
    public List<CallRecord> list(CallFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + CALL_COLUMNS + " FROM call_log WHERE started_at >= ?");
        if (f.failedOnly()) sql.append(" AND code >= 300");
        if (f.account() != null) sql.append(" AND (caller_user = ? OR callee = ? OR callee_e164 = ?)");
        if (f.code() != null) sql.append(" AND code = ?");
        sql.append(" ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY");
        return run("query", false, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setLong(i++, f.sinceMillis());
                if (f.account() != null) {
                    for (int k = 0; k < 3; k++) s.setString(i++, f.account());
                }
                if (f.code() != null) s.setInt(i++, f.code());
                s.setInt(i, Math.max(1, f.limit()));
                List<CallRecord> out = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) out.add(call(rows));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        return byCallId(CallLogKeys.Log.CALLS, CALL_COLUMNS, "started_at", callId, JdbcCallLogStore::call,
                CallRecord::withMessages);
    }

    @Override
    public Optional<RegistrationRecord> findRegistration(String callId) {
        return byCallId(CallLogKeys.Log.REGISTRATIONS, REGISTRATION_COLUMNS, "at_ms", callId,
                JdbcCallLogStore::registration, RegistrationRecord::withMessages);
    }

    /** Reads a row's columns (without its ladder). */
    private interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    /** The record with its messages, or with none and why (a ladder that cannot be read). */
    private interface WithMessages<R> {
        R apply(R record, List<LoggedMessage> messages, String problem);
    }

    /**
     * The newest row of {@code log} with {@code callId} ({@link CallLogKeys}): of the
     * newest batch that has one, the row that began last ({@code time}). Read with
     * {@code columns}, then given its ladder.
     */
    private <R> Optional<R> byCallId(CallLogKeys.Log log, String columns, String time, String callId,
                                     RowReader<R> reader, WithMessages<R> with) {
        int ladderColumn = columns.split(",").length + 1;
        return run("query", false, c -> {
            List<R> found = new ArrayList<>(1);
            try (PreparedStatement s = c.prepareStatement("SELECT " + columns + ", ladder, ladder_segment,"
                    + " ladder_offset, ladder_length FROM " + log.table + " WHERE id = ANY(?) AND call_id = ?"
                    + " ORDER BY " + time + " DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(2, callId);
                CallLogKeys.find(c, log, callId, ids -> {
                    s.setObject(1, Arrays.stream(ids).boxed().toArray(Long[]::new));
                    try (ResultSet rows = s.executeQuery()) {
                        if (!rows.next()) return false;  // other Call-IDs with the same key, or purged
                        R r = reader.read(rows);
                        found.add(switch (ladder(rows, ladderColumn, c)) {
                            case LadderBlob.Decoded.Messages m -> with.apply(r, m.messages(), null);
                            case LadderBlob.Decoded.Corrupt bad -> with.apply(r, List.of(), bad.problem());
                        });
                        return true;
                    }
                });
            }
            return found.stream().findFirst();
        });
    }

    /**
     * The ladder of a row read with its ladder columns last: its own value (rows
     * written before V5) at {@code index}, else its slice of a segment, named by the three columns
     * after it. A slice that is not all there (its segment cut or deleted) is named,
     * never read as a shorter ladder.
     */
    private LadderBlob.Decoded ladder(ResultSet rows, int index, Connection c) throws SQLException {
        byte[] blob = rows.getBytes(index);
        long segment = rows.getLong(index + 1);
        if (blob == null && !rows.wasNull()) {
            long offset = rows.getLong(index + 2);
            int length = rows.getInt(index + 3);
            try {
                blob = segments.read(segment, offset, length);
            } catch (IOException e) {
                return new LadderBlob.Decoded.Corrupt("ladder could not be read from " + segments.file(segment)
                        + ": " + e.getMessage());
            }
            if (blob == null) {
                return new LadderBlob.Decoded.Corrupt("ladder is missing: " + length + " bytes at " + offset + " of "
                        + segments.file(segment) + " are not there (the file was cut or deleted)");
            }
        }
        return LadderBlob.decode(blob, dictionaries.using(c));
    }

    @Override
    public List<RegistrationRecord> registrations(String sipId, long sinceMillis, int limit) {
        return registrations(sipId, sinceMillis, false, limit);
    }

    @Override
    public List<RegistrationRecord> registrations(String sipId, long sinceMillis, boolean failedOnly, int limit) {
        String sql = "SELECT " + REGISTRATION_COLUMNS + " FROM registration_log WHERE at_ms >= ?"
                + (sipId == null ? "" : " AND sip_id = ?") + (failedOnly ? " AND code >= 300" : "") + " ORDER BY at_ms DESC, id DESC FETCH FIRST ? ROWS ONLY";
        return run("query", false, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, sinceMillis);
                int i = 2;
                if (sipId != null) s.setString(i++, sipId);
                s.setInt(i, Math.max(1, limit));
                List<RegistrationRecord> out = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) out.add(registration(rows));
                }
                return out;
            }
        });
    }

    /** All of retention at once, still in bounded steps (the writer's housekeeping uses {@link #purgeChunk}). */
    @Override
    public int purge(long beforeMillis, int maxRows) {
        int total = 0;
        for (int n; (n = purgeChunk(beforeMillis, maxRows, maxRows, PurgeStatements.DEFAULT_CHUNK)) > 0; ) {
            total += n;
        }
        return total;
    }

    @Override
    public int purgeChunk(long beforeMillis, int maxCalls, int maxRegistrations, int chunk) {
        int rows = Math.max(1, chunk);
        // each rule in its own short transaction: a writer waits at most for one chunk
        return run("purge", false, c -> {
            int dropped = PurgeStatements.olderThan(c, "call_log", "started_at", beforeMillis, rows)
                    + PurgeStatements.olderThan(c, "registration_log", "at_ms", beforeMillis, rows)
                    + PurgeStatements.beyond(c, "call_log", maxCalls, rows)
                    + PurgeStatements.beyond(c, "registration_log", maxRegistrations, rows)
                    + Jdbc.inTransaction(c, dictionaries::purge);
            // the Call-ID keys of batches whose rows all went
            CallLogKeys.dropUnused(c, CallLogKeys.Log.CALLS);
            CallLogKeys.dropUnused(c, CallLogKeys.Log.REGISTRATIONS);
            segments.dropEmpty(c);  // the segments those rows emptied, files and all
            return dropped;
        });
    }

    /** Opens the log now if needed; null when it is usable, else why not (one line). */
    public String check() {
        return database.check();
    }

    /** Closes the log's pool and its segment; later uses fail with a one-line error. */
    @Override
    public void close() {
        synchronized (segments) {
            segments.close();
        }
        database.close();
    }

    private static CallRecord call(ResultSet r) throws SQLException {
        return new CallRecord(r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getInt(9), r.getString(10), r.getLong(11), r.getLong(12),
                r.getLong(13), r.getInt(14), List.of(), RouteJson.decode(r.getString(15)), null);
    }

    private static RegistrationRecord registration(ResultSet r) throws SQLException {
        return new RegistrationRecord(r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getInt(5),
                r.getString(6), List.of(), r.getInt(7), null);
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) s.setNull(index, Types.VARCHAR);
        else s.setString(index, value);
    }

    /** The three ladder columns from {@code index} on: segment, offset, length (all null for no ladder). */
    private static void bindLadder(PreparedStatement s, int index, LadderSegments.Slot slot,
                                   LadderSegments.Placed placed) throws SQLException {
        if (slot == null) {
            s.setNull(index, Types.BIGINT);
            s.setNull(index + 1, Types.BIGINT);
            s.setNull(index + 2, Types.INTEGER);
            return;
        }
        s.setLong(index, placed.segment());
        s.setLong(index + 1, placed.offset() + slot.offset());
        s.setInt(index + 2, slot.length());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
