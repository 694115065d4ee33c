package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zstd dictionaries the call log compresses its ladders with, learnt from
 * its own ladders. A SIP ladder on its own is too short for the compressor to
 * find much to reuse; a dictionary holds what this server's exchanges have in
 * common (header names, its own address, the phones' user agents, SDP lines), so
 * each ladder compresses to less than half, in about half the time.
 *
 * <p>How it learns: while it wants a dictionary, the writer's encoders show it
 * each ladder, and it keeps copies until it has {@link #SAMPLE_BYTES}. Short
 * exchanges (registration attempts, calls refused at once) fill at most half of
 * that, so a burst of registrations at start-up does not make a dictionary of
 * registrations alone. When the long exchanges do not come (a server that only
 * registers phones so far), it learns from what it has after
 * {@link #LEARN_WAIT_MILLIS}. The next encoder trains on the samples, stores the
 * dictionary and compresses with it. It learns again every
 * {@link #RELEARN_MILLIS}, so the dictionary follows the phones and trunks in
 * use; after a failed attempt (too few or too uniform samples) it tries again
 * after {@link #RETRY_MILLIS}.
 *
 * <p>Every dictionary is stored before a ladder uses it and kept while a row
 * may need it: a ladder is written after its dictionary was made and before the
 * next one was (there is one writer), and no earlier than the row's start time,
 * so once the oldest row left started after a newer dictionary was made, no row
 * needs the older ones ({@link #purge}). With several writers on one database,
 * each will need its own line of dictionaries for this rule.
 *
 * <p>The encoder side runs on the writer thread; {@link #using} and {@link #find} on any thread.
 */
final class LadderDictionaries implements LadderEncoder.Sampler {
    private static final Logger log = LoggerFactory.getLogger(LadderDictionaries.class);

    /** The size a dictionary may reach: more did not compress the benchmark's ladders any smaller. */
    static final int DICTIONARY_BYTES = 16 * 1024;
    /** Plain ladder bytes learnt from: about 130 calls of the benchmark, as good as 8 MB of them. */
    static final int SAMPLE_BYTES = 1 << 20;
    /** Exchanges of at most this many messages count as short. */
    static final int SHORT_MESSAGES = 4;
    /** How long it waits for a full sample before it learns from what it has (a quarter at least). */
    static final long LEARN_WAIT_MILLIS = 10 * 60_000L;
    /** A dictionary is learnt again after this long. */
    static final long RELEARN_MILLIS = 24 * 3600_000L;
    /** After a failed attempt to learn, the next comes this much later. */
    static final long RETRY_MILLIS = 3600_000L;

    private final Jdbc.Runner database;
    /** How often the log was opened: after a reopen, what this knows is read again. */
    private final IntSupplier opens;
    private final LongSupplier clock;
    private final int sampleBytes;
    private final long relearnMillis;
    private final Map<Integer, ZstdCodec.Dictionary> known = new ConcurrentHashMap<>();

    // the writer's side, guarded by this
    private boolean loaded;
    /** {@link #opens} when the newest dictionary was read. */
    private int loadedAtOpen;
    private ZstdCodec.Dictionary current;
    /** When to learn next: now or earlier means the encoders sample. */
    private long learnAt;
    private final List<byte[]> samples = new ArrayList<>();
    /** When the first sample of the next dictionary was taken. */
    private long samplingSince;
    private long shortBytes;
    private long longBytes;

    LadderDictionaries(Jdbc.Runner database, IntSupplier opens, LongSupplier clock, int sampleBytes,
                       long relearnMillis) {
        this.database = database;
        this.opens = opens;
        this.clock = clock;
        this.sampleBytes = sampleBytes;
        this.relearnMillis = relearnMillis;
    }

    /**
     * An encoder for the next batch: with the newest dictionary, and sampling for
     * the next one when it is time to learn. Learns first when the samples are complete.
     */
    synchronized LadderEncoder encoder() {
        if (!ZstdCodec.AVAILABLE) return new LadderEncoder();
        if (loaded && opens.getAsInt() != loadedAtOpen) {
            // reopened after a failure: the newest dictionary may be among what H2 had not written yet,
            // and its id may be given again to another
            loaded = false;
            current = null;
            known.clear();
        }
        if (!loaded) loadNewest();
        long now = clock.getAsLong();
        if (sampledBytes() >= sampleBytes
                || (now - samplingSince >= LEARN_WAIT_MILLIS && sampledBytes() >= sampleBytes / 4)) {
            learn();
        }
        return new LadderEncoder(current, now >= learnAt ? this : null);
    }

    @Override
    public synchronized void offer(byte[] plain, int length, int messages) {
        long now = clock.getAsLong();
        if (now < learnAt || sampledBytes() >= sampleBytes || length > sampleBytes / 16) return;
        boolean isShort = messages <= SHORT_MESSAGES;
        if (isShort && shortBytes >= sampleBytes / 2) return;
        if (samples.isEmpty()) samplingSince = now;
        samples.add(Arrays.copyOf(plain, length));
        if (isShort) shortBytes += length;
        else longBytes += length;
    }

    /**
     * The dictionaries for decoding the ladders read on {@code c}: a dictionary not yet
     * in memory is read on that same connection, so a reader never waits for a second
     * one from the pool.
     */
    LadderBlob.Dictionaries using(Connection c) {
        return id -> {
            try {
                return find(c, id);
            } catch (SQLException e) {
                throw new StoreException("call log query failed: " + ErrorText.describe(e), e);
            }
        };
    }

    /** The dictionary with this id, from memory or the log (read on {@code c}); null when the log has none by it. */
    private ZstdCodec.Dictionary find(Connection c, int id) throws SQLException {
        ZstdCodec.Dictionary d = known.get(id);
        if (d != null) return d;
        try (PreparedStatement s = c.prepareStatement("SELECT bytes FROM ladder_dictionary WHERE id = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                d = r.next() ? new ZstdCodec.Dictionary(id, r.getBytes(1)) : null;
            }
        }
        if (d != null) known.putIfAbsent(id, d);
        return d;
    }

    /**
     * Retention for dictionaries, after the rows' own: drops every dictionary that a
     * newer one, made before the oldest remaining row began, has replaced. Returns
     * how many it dropped.
     */
    int purge(Connection c) throws SQLException {
        long oldestRow = Math.min(minimum(c, "SELECT MIN(started_at) FROM call_log"),
                minimum(c, "SELECT MIN(at_ms) FROM registration_log"));
        List<Integer> replaced = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.id FROM ladder_dictionary d WHERE EXISTS"
                + " (SELECT 1 FROM ladder_dictionary n WHERE n.id > d.id AND n.created_at < ?)")) {
            s.setLong(1, oldestRow);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) replaced.add(r.getInt(1));
            }
        }
        if (replaced.isEmpty()) return 0;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ladder_dictionary WHERE id = ?")) {
            for (int id : replaced) {
                s.setInt(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        known.keySet().removeAll(replaced);
        return replaced.size();
    }

    /** The newest dictionary, or null before the first was learnt (for reports and tests). */
    synchronized ZstdCodec.Dictionary current() {
        return current;
    }

    private static long minimum(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            long v = r.getLong(1);
            return r.wasNull() ? Long.MAX_VALUE : v;
        }
    }

    /** Plain bytes sampled so far for the next dictionary. */
    synchronized long sampledBytes() {
        return shortBytes + longBytes;
    }

    private void loadNewest() {
        record Row(int id, long createdAt, byte[] bytes) {}
        Row newest = database.run("query", false, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, created_at, bytes FROM ladder_dictionary ORDER BY id DESC FETCH FIRST 1 ROW ONLY");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? new Row(r.getInt(1), r.getLong(2), r.getBytes(3)) : null;
            }
        });
        loaded = true;
        loadedAtOpen = opens.getAsInt();
        if (newest == null) {
            learnAt = Math.min(learnAt, clock.getAsLong());
            return;
        }
        current = new ZstdCodec.Dictionary(newest.id(), newest.bytes());
        known.put(current.id(), current);
        learnAt = newest.createdAt() + relearnMillis;
    }

    private void learn() {
        List<byte[]> from = List.copyOf(samples);
        long bytes = sampledBytes();
        samples.clear();
        shortBytes = 0;
        longBytes = 0;
        long now = clock.getAsLong();
        byte[] trained = ZstdCodec.train(from, DICTIONARY_BYTES);
        if (trained == null) {
            learnAt = now + RETRY_MILLIS;
            log.info("call log: could not learn a compression dictionary from {} ladders; trying again later",
                    from.size());
            return;
        }
        int id = database.run("write", true, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO ladder_dictionary (created_at, bytes) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, now);
                s.setBytes(2, trained);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getInt(1);
                }
            }
        });
        current = new ZstdCodec.Dictionary(id, trained);
        known.put(id, current);
        learnAt = now + relearnMillis;
        log.info("call log: learnt compression dictionary {} ({} bytes) from {} ladders ({} KB)", id, trained.length,
                from.size(), bytes / 1024);
    }
}
