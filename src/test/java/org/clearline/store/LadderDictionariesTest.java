package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call log learns a compression dictionary from its own ladders, keeps it while rows need it, and reads with it. */
class LadderDictionariesTest {
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final long RELEARN = 60_000;

    @TempDir Path dir;
    final AtomicLong clock = new AtomicLong(1_767_225_600_000L);
    final SplittableRandom random = new SplittableRandom(11);
    CallLogDatabase database;
    JdbcCallLogStore log;

    @BeforeEach
    void open() {
        database = new CallLogDatabase(dir);
        log = new JdbcCallLogStore(database, clock::get, SAMPLE_BYTES, RELEARN);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void learnsFromItsOwnLaddersThenCompressesThemSmaller() throws Exception {
        List<CallRecord> before = batch(80);  // well over the 64 KB of plain ladders the sample needs
        log.append(before, List.of());
        assertThat(log.dictionaryId()).as("learnt at the next batch, not during this one").isNull();
        List<CallRecord> after = batch(80);
        log.append(after, List.of());
        assertThat(log.dictionaryId()).isEqualTo(1);

        List<byte[]> oldBlobs = blobs(before);
        List<byte[]> newBlobs = blobs(after);
        assertThat(oldBlobs).allSatisfy(b -> assertThat(LadderBlobTest.format(b)).isEqualTo(LadderBlob.ZSTD));
        assertThat(newBlobs).allSatisfy(b -> {
            assertThat(LadderBlobTest.format(b)).isEqualTo(LadderBlob.ZSTD_DICT);
            assertThat(LadderBlobTest.inner(b)[1]).as("the dictionary's id").isEqualTo((byte) 1);
        });
        assertThat(average(newBlobs)).as("bytes per ladder with the dictionary, without: %.0f", average(oldBlobs))
                .isLessThan(0.7 * average(oldBlobs));
        for (CallRecord c : before) assertThat(log.find(c.callId()).orElseThrow().messages()).isEqualTo(c.messages());
        for (CallRecord c : after) assertThat(log.find(c.callId()).orElseThrow().messages()).isEqualTo(c.messages());
    }

    @Test
    void anotherProcessReadsWithTheStoredDictionaryAndTheWriterGoesOnWithIt() {
        log.append(batch(80), List.of());
        List<CallRecord> compressed = batch(5);
        log.append(compressed, List.of());
        log.close();

        log = new JdbcCallLogStore(database = new CallLogDatabase(dir), clock::get, SAMPLE_BYTES, RELEARN);
        assertThat(log.find(compressed.get(0).callId()).orElseThrow().messages())
                .as("read back by a store that never saw the dictionary learnt").isEqualTo(compressed.get(0).messages());
        log.append(batch(80), List.of());
        log.append(batch(1), List.of());
        assertThat(log.dictionaryId()).as("loaded, not learnt again within its interval").isEqualTo(1);
        assertThat(count("ladder_dictionary")).isEqualTo(1);
    }

    @Test
    void learnsAgainAfterItsIntervalAndRetentionDropsADictionaryOnlyWhenNoRowCanNeedIt() {
        log.append(batch(80), List.of());
        List<CallRecord> first = batch(3);
        log.append(first, List.of());
        assertThat(log.dictionaryId()).isEqualTo(1);
        long firstMade = clock.get();

        clock.addAndGet(RELEARN);
        log.append(batch(80), List.of());
        log.append(batch(1), List.of());
        assertThat(log.dictionaryId()).as("learnt again").isEqualTo(2);
        long secondMade = clock.get();
        assertThat(count("ladder_dictionary")).isEqualTo(2);

        // rows that began before the second dictionary was made may use the first: it stays
        assertThat(log.purge(secondMade - 10_000 + 20, Integer.MAX_VALUE)).isGreaterThan(40);
        assertThat(count("ladder_dictionary")).isEqualTo(2);
        // once every remaining row began after it, the first can go; the newest always stays
        log.append(List.of(call(random, secondMade + 5)), List.of());
        log.purge(secondMade + 1, Integer.MAX_VALUE);
        assertThat(count("ladder_dictionary")).isEqualTo(1);
        assertThat(log.dictionaryId()).isEqualTo(2);
        assertThat(firstMade).isLessThan(secondMade);
    }

    @Test
    void aLadderWhoseDictionaryIsGoneIsNamedNotThrown() throws Exception {
        log.append(batch(80), List.of());
        CallRecord call = batch(1).get(0);
        log.append(List.of(call), List.of());
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ladder_dictionary");
        }
        log.close();
        log = new JdbcCallLogStore(database = new CallLogDatabase(dir), clock::get, SAMPLE_BYTES, RELEARN);
        CallRecord found = log.find(call.callId()).orElseThrow();
        assertThat(found.messages()).isEmpty();
        assertThat(found.ladderProblem()).isEqualTo("ladder was compressed with dictionary 1, which this log no longer has");
    }

    @Test
    void afterAReopenItReadsWhatTheLogStillHasInsteadOfTrustingMemory() throws Exception {
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger(1);
        LadderDictionaries dictionaries = new LadderDictionaries(new Jdbc.Runner() {
            @Override
            public <T> T run(String what, boolean transaction, Jdbc.Work<T> work) {
                try (Connection c = database.connection()) {
                    return work.run(c);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            }
        }, opens::get, clock::get, SAMPLE_BYTES, RELEARN);
        try (LadderEncoder encoder = dictionaries.encoder()) {
            for (CallRecord c : batch(80)) encoder.encode(c.messages());
        }
        dictionaries.encoder().close();
        assertThat(dictionaries.current().id()).isEqualTo(1);
        assertThat(find(dictionaries, database, 1)).isSameAs(dictionaries.current());
        // H2 lost its last writes in a failure, the dictionary among them, and the log was opened again
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ladder_dictionary");
        }
        opens.incrementAndGet();
        try (LadderEncoder encoder = dictionaries.encoder()) {
            assertThat(dictionaries.current()).as("no ladder may name a dictionary the log lacks").isNull();
            byte[] blob = encoder.encode(batch(1).get(0).messages());
            assertThat(LadderBlobTest.format(blob)).isEqualTo(LadderBlob.ZSTD);
        }
        assertThat(find(dictionaries, database, 1)).as("forgotten, not served from memory").isNull();
        assertThat(dictionaries.sampledBytes()).as("learning again").isPositive();
    }

    @Test
    void shortExchangesFillAtMostHalfOfTheSample() {
        LadderDictionaries dictionaries = new LadderDictionaries(
                new Jdbc.Runner() {
                    @Override
                    public <T> T run(String what, boolean transaction, Jdbc.Work<T> work) {
                        throw new AssertionError("no database needed to sample");
                    }
                }, () -> 1, clock::get, 1 << 20, RELEARN);
        byte[] registration = new byte[2_000];
        for (int i = 0; i < 500; i++) dictionaries.offer(registration, registration.length, 4);
        assertThat(dictionaries.sampledBytes()).as("a start-up burst of registrations alone")
                .isBetween(512 * 1024L, 512 * 1024L + 2_000);
        byte[] call = new byte[8_000];
        for (int i = 0; i < 10; i++) dictionaries.offer(call, call.length, 18);
        for (int i = 0; i < 500; i++) dictionaries.offer(registration, registration.length, 4);
        assertThat(dictionaries.sampledBytes()).as("long ones still have their room, short ones no more")
                .isBetween(512 * 1024L + 80_000, 512 * 1024L + 82_000);
    }

    @Test
    void aLogThatOnlyRegistersLearnsFromWhatItHasAfterAWhile() {
        for (int i = 0; i < 40; i++) log.append(List.of(), registrations(10));
        assertThat(log.dictionaryId()).as("half the sample, all of it short: waits for calls").isNull();
        clock.addAndGet(LadderDictionaries.LEARN_WAIT_MILLIS);
        List<RegistrationRecord> later = registrations(3);
        log.append(List.of(), later);
        assertThat(log.dictionaryId()).isEqualTo(1);
        RegistrationRecord r = later.get(1);
        assertThat(log.findRegistration(r.callId()).orElseThrow().messages()).isEqualTo(r.messages());
    }

    private List<RegistrationRecord> registrations(int n) {
        List<RegistrationRecord> out = new ArrayList<>(n);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            long at = clock.get() - 1_000 + i;
            String callId = hex.formatHex(bytes(random, 8)) + "@192.0.2.10";
            String user = String.valueOf(1000 + random.nextInt(9000));
            String head = "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + hex.formatHex(bytes(random, 6))
                    + ";rport\r\nFrom: <sip:" + user + "@example.com>;tag=" + hex.formatHex(bytes(random, 5))
                    + "\r\nTo: <sip:" + user + "@example.com>\r\nCall-ID: " + callId + "\r\n";
            String register = "REGISTER sip:example.com SIP/2.0\r\n" + head + "CSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:" + user + "@192.0.2.10:5060>;expires=3600\r\nUser-Agent: Yealink T46U\r\n"
                    + "Content-Length: 0\r\n\r\n";
            String challenge = "SIP/2.0 401 Unauthorized\r\n" + head + "CSeq: 1 REGISTER\r\n"
                    + "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"" + hex.formatHex(bytes(random, 16))
                    + "\", algorithm=MD5, qop=\"auth\"\r\nContent-Length: 0\r\n\r\n";
            String udp = "udp:192.0.2.10:5060";
            out.add(new RegistrationRecord(callId, at, udp, user, 401, "auth.challenge", List.of(
                    message(at, Direction.IN, udp, register), message(at + 1, Direction.OUT, udp, challenge)), 0, null));
        }
        return out;
    }

    private long count(String table) {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> blobs(List<CallRecord> calls) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT ladder_segment, ladder_offset, ladder_length"
                     + " FROM call_log WHERE call_id = ?")) {
            for (CallRecord call : calls) {
                s.setString(1, call.callId());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    out.add(new LadderSegments(dir, null).read(r.getLong(1), r.getLong(2), r.getInt(3)));
                }
            }
        }
        return out;
    }

    private static double average(List<byte[]> blobs) {
        return blobs.stream().mapToInt(b -> b.length).average().orElseThrow();
    }

    private List<CallRecord> batch(int n) {
        List<CallRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(call(random, clock.get() - 10_000 + i));
        return out;
    }

    /** A call through the server with fresh tags, branches and Call-ID: what the log's ladders look like. */
    static CallRecord call(SplittableRandom r, long at) {
        HexFormat hex = HexFormat.of();
        String callId = hex.formatHex(bytes(r, 8)) + "@192.0.2.10";
        String from = "\"User " + r.nextInt(1000) + "\" <sip:" + (1000 + r.nextInt(9000)) + "@example.com>;tag="
                + hex.formatHex(bytes(r, 5));
        String to = "<sip:" + (1000 + r.nextInt(9000)) + "@example.com>";
        String toTag = ";tag=" + hex.formatHex(bytes(r, 5));
        String via = "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + hex.formatHex(bytes(r, 6)) + ";rport\r\n";
        String ours = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK" + hex.formatHex(bytes(r, 6)) + "\r\n";
        String common = "From: " + from + "\r\nCall-ID: " + callId + "\r\n";
        String sdp = "v=0\r\no=- " + r.nextInt(1 << 30) + " 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=audio " + (10000 + 2 * r.nextInt(5000)) + " RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        String invite = "INVITE sip:bob@example.com SIP/2.0\r\n" + via + "Max-Forwards: 70\r\n" + common + "To: " + to
                + "\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@192.0.2.10:5060>\r\nUser-Agent: baresip v3.10.1\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        String forwarded = invite.replace("Max-Forwards: 70\r\n", ours + "Max-Forwards: 69\r\n"
                + "Record-Route: <sip:192.0.2.1;lr>\r\n");
        String ringing = "SIP/2.0 180 Ringing\r\n" + via + common + "To: " + to + toTag + "\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        String ok = "SIP/2.0 200 OK\r\n" + via + common + "To: " + to + toTag + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@192.0.2.20:5060>\r\nContent-Type: application/sdp\r\nContent-Length: "
                + sdp.length() + "\r\n\r\n" + sdp;
        List<LoggedMessage> m = new ArrayList<>();
        String caller = "udp:192.0.2.10:5060";
        String callee = "udp:192.0.2.20:5060";
        m.add(message(at, Direction.IN, caller, invite));
        m.add(message(at + 1, Direction.OUT, callee, forwarded));
        m.add(message(at + 40, Direction.IN, callee, ringing));
        m.add(message(at + 41, Direction.OUT, caller, ringing));
        m.add(message(at + 900, Direction.IN, callee, ok));
        m.add(message(at + 901, Direction.OUT, caller, ok));
        return new CallRecord(callId, at, caller, "sip:alice@example.com", "alice", "bob", null, 200, null, 40, 860,
                5_000, 0, m, List.of(), null);
    }

    private static LoggedMessage message(long at, Direction d, String peer, String text) {
        return new LoggedMessage(at, d, peer, text.substring(0, text.indexOf("\r\n")), text);
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A dictionary by id, the way a reader finds it: on a connection of its own. */
    private static ZstdCodec.Dictionary find(LadderDictionaries dictionaries, CallLogDatabase database, int id)
            throws Exception {
        try (Connection c = database.connection()) {
            return dictionaries.using(c).find(id);
        }
    }
}
