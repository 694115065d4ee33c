import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Writes a synthetic pcap of a busy SIP trunk for the analyzer benchmark:
 *
 *   java bench/analyzer/GenerateCapture.java OUT.pcap [SIZE_MB] [RTP_PER_CALL]
 *
 * Ethernet/IPv4/UDP. Calls start at 100 per second between 200 phones (198.18/15,
 * public addresses, so no NAT finding) and two
 * servers; each is INVITE, 100, 180, 200, ACK, RTP both ways, BYE, 200 (80 %),
 * or 486 + ACK (10 %), 404 + ACK (5 %), an INVITE resent 7 times without answer
 * (3 %), or a REGISTER refused with 401 three times (2 %). RTP packets (172
 * bytes of payload, every 20 ms per direction) fill the rest, as in real
 * captures. Deterministic (seeded), so every run writes the same file.
 */
public final class GenerateCapture {
    private static final long START = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z
    private static final long CALL_EVERY = 10_000; // µs: 100 calls per second
    private final OutputStream out;
    private final Random random = new Random(20260101);
    private final int rtpPerCall;
    private long written;
    private long packets;

    /** A packet waiting for its time (calls overlap, so packets are merged in time order). */
    private record Pending(long micros, long seq, byte[] frame) {}

    private final PriorityQueue<Pending> queue = new PriorityQueue<>(
            (a, b) -> a.micros != b.micros ? Long.compare(a.micros, b.micros) : Long.compare(a.seq, b.seq));
    private long seq;

    GenerateCapture(OutputStream out, int rtpPerCall) {
        this.out = out;
        this.rtpPerCall = rtpPerCall;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateCapture OUT.pcap [SIZE_MB] [RTP_PER_CALL]");
            System.exit(2);
        }
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 1024) * 1024 * 1024;
        int rtp = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 20)) {
            GenerateCapture g = new GenerateCapture(file, rtp);
            g.header();
            long calls = 0;
            while (g.written < target) {
                long t = START + calls * CALL_EVERY;
                g.call(calls, t);
                g.flushUntil(t);
                calls++;
            }
            g.flushUntil(Long.MAX_VALUE);
            System.err.printf("%s: %d bytes, %d packets, %d calls%n", args[0], g.written, g.packets, calls);
        }
    }

    private void header() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        write(h.array());
    }

    private void call(long n, long t) {
        int phone = (int) (n % 200);
        byte[] caller = {(byte) 198, 18, (byte) (phone / 100), (byte) (phone % 100 + 1)};
        byte[] server = {(byte) 198, 51, 100, (byte) (1 + n % 2)};
        String callId = "bench-" + n + "@" + ip(caller);
        String tag = "t" + n;
        int roll = random.nextInt(100);
        if (roll < 2) {
            register(caller, server, callId, tag, t, phone);
            return;
        }
        String invite = request("INVITE", "sip:+4930" + (1000000 + n % 900000) + "@trunk.example.net", caller, callId,
                tag, 1, "z9hG4bK" + n, sdp(caller, 20000 + (int) (n % 10000) * 2));
        if (roll < 5) {
            // nobody answers: Timer A resends at 0.5, 1, 2, 4, 8, 16 s
            long[] at = {0, 500_000, 1_500_000, 3_500_000, 7_500_000, 15_500_000, 31_500_000};
            for (long a : at) sip(t + a, caller, server, invite);
            return;
        }
        sip(t, caller, server, invite);
        sip(t + 2_000, server, caller, response(100, "Trying", invite, null, ""));
        if (roll < 10) {
            sip(t + 30_000, server, caller, response(404, "Not Found", invite, "s" + n, ""));
            sip(t + 31_000, caller, server, ack(invite, "z9hG4bK" + n, "s" + n));
            return;
        }
        sip(t + 40_000, server, caller, response(180, "Ringing", invite, "s" + n, ""));
        if (roll < 20) {
            sip(t + 3_000_000, server, caller, response(486, "Busy Here", invite, "s" + n, ""));
            sip(t + 3_001_000, caller, server, ack(invite, "z9hG4bK" + n, "s" + n));
            return;
        }
        long answer = t + 2_000_000 + random.nextInt(4_000_000);
        sip(answer, server, caller, response(200, "OK", invite, "s" + n, sdp(server, 30000 + (int) (n % 10000) * 2)));
        sip(answer + 1_000, caller, server, ack(invite, "z9hG4bKa" + n, "s" + n));
        long media = answer + 20_000;
        for (int i = 0; i < rtpPerCall; i++) {
            long at = media + i * 20_000L;
            rtp(at, caller, server, 20000 + (int) (n % 10000) * 2, i);
            rtp(at + 300, server, caller, 30000 + (int) (n % 10000) * 2, i);
        }
        long end = media + rtpPerCall * 20_000L + 10_000;
        String bye = request("BYE", "sip:+4930@" + ip(server), caller, callId, tag, 2, "z9hG4bKb" + n, "")
                .replace("To: <sip:", "To: <sip:").replaceFirst("(To: <[^>]*>)", "$1;tag=s" + n);
        sip(end, caller, server, bye);
        sip(end + 2_000, server, caller, response(200, "OK", bye, null, ""));
    }

    private void register(byte[] phone, byte[] server, String callId, String tag, long t, int user) {
        for (int i = 1; i <= 3; i++) {
            String auth = i == 1 ? "" : "Authorization: Digest username=\"" + user + "\", realm=\"example.net\","
                    + " nonce=\"n" + i + "\", uri=\"sip:example.net\", response=\"00000000000000000000000000000000\"\r\n";
            String reg = "REGISTER sip:example.net SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + ip(phone) + ":5060;branch=z9hG4bKr" + i + callId.hashCode() + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:" + user + "@example.net>;tag=" + tag + "\r\n"
                    + "To: <sip:" + user + "@example.net>\r\nCall-ID: " + callId + "\r\nCSeq: " + i + " REGISTER\r\n"
                    + "Contact: <sip:" + user + "@" + ip(phone) + ":5060>\r\nExpires: 600\r\n" + auth
                    + "Content-Length: 0\r\n\r\n";
            sip(t + i * 20_000L, phone, server, reg);
            sip(t + i * 20_000L + 2_000, server, phone, response(401, "Unauthorized", reg, "r" + tag,
                    "WWW-Authenticate: Digest realm=\"example.net\", nonce=\"n" + (i + 1) + "\", algorithm=MD5\r\n"));
        }
    }

    private static String request(String method, String uri, byte[] from, String callId, String tag, int cseq,
                                  String branch, String body) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + ip(from) + ":5060;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Bench\" <sip:+4930555" + (from[3] & 0xff) + "@example.net>;tag=" + tag + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:+4930555" + (from[3] & 0xff) + "@" + ip(from) + ":5060>\r\n"
                + "User-Agent: bench-generator\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String ack(String invite, String branch, String toTag) {
        String requestLine = invite.substring(0, invite.indexOf("\r\n")).replace("INVITE", "ACK");
        StringBuilder sb = new StringBuilder(requestLine).append("\r\n");
        for (String line : invite.split("\r\n")) {
            if (line.startsWith("Via:")) sb.append(line.replaceAll("branch=[^;]*", "branch=" + branch)).append("\r\n");
            else if (line.startsWith("From:") || line.startsWith("Call-ID:")) sb.append(line).append("\r\n");
            else if (line.startsWith("To:")) sb.append(line).append(";tag=").append(toTag).append("\r\n");
            else if (line.startsWith("CSeq:")) sb.append(line.replace("INVITE", "ACK")).append("\r\n");
        }
        return sb.append("Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n").toString();
    }

    private static String response(int status, String reason, String request, String toTag, String extra) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        String body = "";
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) break;
            if (line.startsWith("Via:")) sb.append(line).append("\r\n");
            else if (line.startsWith("From:") || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
                sb.append(line).append("\r\n");
            } else if (line.startsWith("To:")) {
                sb.append(line).append(toTag != null && !line.contains("tag=") ? ";tag=" + toTag : "").append("\r\n");
            }
        }
        if (extra.startsWith("v=")) {
            body = extra;
            sb.append("Content-Type: application/sdp\r\n");
        } else {
            sb.append(extra);
        }
        sb.append("Server: bench-generator\r\n");
        return sb.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
    }

    private static String sdp(byte[] host, int port) {
        return "v=0\r\no=- 1 1 IN IP4 " + ip(host) + "\r\ns=-\r\nc=IN IP4 " + ip(host) + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n";
    }

    private void sip(long micros, byte[] src, byte[] dst, String text) {
        queue.add(new Pending(micros, seq++, frame(src, 5060, dst, 5060, text.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private void rtp(long micros, byte[] src, byte[] dst, int port, int n) {
        byte[] payload = new byte[172];
        payload[0] = (byte) 0x80;
        payload[1] = 8;
        payload[2] = (byte) (n >> 8);
        payload[3] = (byte) n;
        queue.add(new Pending(micros, seq++, frame(src, port, dst, port, payload)));
    }

    private static byte[] frame(byte[] src, int sport, byte[] dst, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 0)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    private void flushUntil(long micros) {
        try {
            while (!queue.isEmpty() && queue.peek().micros <= micros) {
                Pending p = queue.poll();
                ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                r.putInt((int) (p.micros / 1_000_000)).putInt((int) (p.micros % 1_000_000)).putInt(p.frame.length)
                        .putInt(p.frame.length);
                write(r.array());
                write(p.frame);
                packets++;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    private static String ip(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

}
