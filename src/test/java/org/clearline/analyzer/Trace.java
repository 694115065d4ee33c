package org.clearline.analyzer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.calls.CallGrouper;
import org.clearline.analyzer.calls.GroupingLimits;
import org.clearline.analyzer.diagnosis.Diagnoser;
import org.clearline.analyzer.diagnosis.Diagnosis;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SyntaxLimits;

/**
 * A trace written by hand for diagnosis tests: raw SIP messages between named
 * addresses at given times, grouped and diagnosed by the real grouper and
 * diagnoser.
 */
public final class Trace {
    public static final Endpoint PHONE = new Endpoint("192.0.2.10", 5060);
    public static final Endpoint PROXY = new Endpoint("198.51.100.1", 5060);
    public static final Endpoint CALLEE = new Endpoint("198.51.100.20", 5060);
    public static final long START = 1_700_000_000_000_000L;

    private final List<CapturedMessage> messages = new ArrayList<>();
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);
    private long micros = START;

    /** The following messages are seen {@code seconds} after the start. */
    public Trace at(double seconds) {
        micros = START + (long) (seconds * 1_000_000);
        return this;
    }

    public Trace send(Endpoint from, Endpoint to, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        SipMessage m = switch (parser.parse(bytes)) {
            case ParseResult.Success s -> s.message();
            case ParseResult.Failure f -> throw new IllegalArgumentException("test message refused: " + f.reasonPhrase());
        };
        messages.add(new CapturedMessage(micros, from, to, "UDP", m, null, bytes.length, raw));
        return this;
    }

    /** Every call of the trace, diagnosed, in the order they were closed. */
    public List<Diagnosis> diagnose() {
        List<Diagnosis> out = new ArrayList<>();
        Diagnoser diagnoser = new Diagnoser();
        CallGrouper grouper = new CallGrouper(GroupingLimits.DEFAULT,
                (call, now, invites) -> out.add(diagnoser.diagnose(call.messages(), now, invites)));
        messages.forEach(grouper::message);
        grouper.finish();
        return out;
    }

    public Diagnosis only() {
        List<Diagnosis> all = diagnose();
        if (all.size() != 1) throw new AssertionError("expected one call, found " + all.size());
        return all.getFirst();
    }

    // ------------------------------------------------------------------ messages

    /** A request; {@code extra} are more header lines, and a body after an empty string. */
    public static String request(String method, String uri, String callId, long cseq, String branch, String toTag,
                                 String... extra) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(uri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=").append(branch).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:alice@example.com>;tag=a1\r\n")
                .append("To: <").append(uri).append('>').append(toTag == null ? "" : ";tag=" + toTag).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method)
                .append("\r\n");
        return finish(sb, extra);
    }

    public static String invite(String callId, long cseq, String branch, String... extra) {
        return request("INVITE", "sip:bob@example.com", callId, cseq, branch, null, extra);
    }

    /** A response to {@code request}: its Via, From, To (with {@code toTag} added), Call-ID and CSeq. */
    public static String response(int status, String reason, String request, String toTag, String... extra) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) break;
            if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("Call-ID:")
                    || line.startsWith("CSeq:")) {
                sb.append(line).append("\r\n");
            } else if (line.startsWith("To:")) {
                sb.append(line).append(toTag != null && !line.contains(";tag=") ? ";tag=" + toTag : "").append("\r\n");
            }
        }
        return finish(sb, extra);
    }

    private static String finish(StringBuilder sb, String... extra) {
        String body;
        boolean inBody = false;
        StringBuilder b = new StringBuilder();
        for (String e : extra) {
            if (inBody) {
                b.append(e).append("\r\n");
            } else if (e.isEmpty()) {
                inBody = true;
            } else {
                sb.append(e).append("\r\n");
            }
        }
        body = b.toString();
        if (!body.isEmpty()) sb.append("Content-Type: application/sdp\r\n");
        sb.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        return sb.toString();
    }

    /** SDP lines (for {@code extra} after the empty string) offering the given codecs at {@code address}. */
    public static String[] sdp(String address, String... rtpmaps) {
        List<String> lines = new ArrayList<>(List.of("", "v=0", "o=- 1 1 IN IP4 " + address, "s=-",
                "c=IN IP4 " + address, "t=0 0"));
        StringBuilder m = new StringBuilder("m=audio 4000 RTP/AVP");
        for (String r : rtpmaps) m.append(' ').append(r.split(" ")[0]);
        lines.add(m.toString());
        for (String r : rtpmaps) lines.add("a=rtpmap:" + r);
        return lines.toArray(String[]::new);
    }
}
