package org.clearline.syntax.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the lines of a body (RFC 4566 §5): an explicit state machine
 * START (expecting v=) → SESSION → MEDIA (after the first m=). Field parsers
 * throw {@link SdpSyntaxException}; {@link #parse} turns that into an
 * {@link SdpError} for the current line.
 */
final class SdpParser {
    private enum State { START, SESSION, MEDIA }

    private static final int MAX_PORT = 65535;

    private final String text;
    private int lineNo;

    private Origin origin;
    private String sessionName;
    private Connection connection;
    private Direction direction;
    private boolean sawTiming;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Fingerprint> fingerprints = new ArrayList<>(1);
    private final List<MediaBuilder> media = new ArrayList<>(2);
    private MediaBuilder current;

    SdpParser(String text) {
        this.text = text;
    }

    SdpResult parse() {
        State state = State.START;
        int pos = 0;
        int n = text.length();
        try {
            while (pos < n) {
                int lf = text.indexOf('\n', pos);
                int end = lf < 0 ? n : lf;
                lineNo++;
                String line = line(pos, end);
                pos = end + 1;
                // blank lines (a trailing CRLF pair, padding) carry nothing
                if (!line.isEmpty()) state = accept(state, line);
            }
            if (state == State.START) return new SdpError(1, "body is empty, expected v=0");
            if (state == State.SESSION) {
                lineNo++;
                requireSessionLines();
            }
        } catch (SdpSyntaxException e) {
            return new SdpError(lineNo, e.getMessage());
        }
        return build();
    }

    /** The line between {@code start} and {@code end} without its CR and trailing blanks; rejects other controls. */
    private String line(int start, int end) {
        if (end > start && text.charAt(end - 1) == '\r') end--;
        while (end > start && SdpText.isBlank(text.charAt(end - 1))) end--;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // §5: text fields may hold any octet but NUL, CR and LF; other controls mean binary, not SDP
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new SdpSyntaxException("control character 0x" + Integer.toHexString(c) + " in line");
            }
        }
        return text.substring(start, end);
    }

    private State accept(State state, String line) {
        char type = line.charAt(0);
        // §5: <type>=<value>, type exactly one lower-case letter, no blanks around '='
        if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
            throw new SdpSyntaxException("expected <type>=<value>, found " + SdpText.quote(line));
        }
        String value = line.substring(2);
        switch (state) {
            case START -> {
                if (type != 'v') throw new SdpSyntaxException("expected v=0 first, found " + SdpText.quote(line));
                if (!value.equals("0")) {
                    throw new SdpSyntaxException("SDP version " + SdpText.quote(value) + " is not supported (only v=0)");
                }
                return State.SESSION;
            }
            case SESSION -> {
                if (type == 'm') {
                    requireSessionLines();
                    startMedia(value);
                    return State.MEDIA;
                }
                sessionLine(type, value);
                return State.SESSION;
            }
            default -> {
                if (type == 'm') startMedia(value);
                else mediaLine(type, value);
                return State.MEDIA;
            }
        }
    }

    private void sessionLine(char type, String value) {
        switch (type) {
            case 'v' -> throw new SdpSyntaxException("second v= line");
            case 'o' -> {
                if (origin != null) throw new SdpSyntaxException("second o= line");
                origin = Origin.parse(value);
            }
            case 's' -> {
                // §5.3 asks for a non-empty name ("-" if none); empty ones are common, e.g. RFC 5118 §4.8
                if (sessionName != null) throw new SdpSyntaxException("second s= line");
                sessionName = value;
            }
            case 'c' -> {
                if (connection != null) throw new SdpSyntaxException("second c= line at session level");
                connection = Connection.parse(value);
            }
            case 't' -> {
                String[] f = SdpText.fields(value);
                if (f.length != 2 || !SdpText.isDigits(f[0]) || !SdpText.isDigits(f[1])) {
                    throw new SdpSyntaxException("t= needs <start-time> <stop-time> as decimal numbers, found "
                            + SdpText.quote(value));
                }
                sawTiming = true;
            }
            case 'r' -> {
                if (!sawTiming) throw new SdpSyntaxException("r= line before any t= line");
            }
            case 'a' -> sessionAttribute(Attribute.parse(value));
            // i= u= e= p= b= z= k= carry nothing the policy reads. §5 would have us drop a
            // description with an unknown type letter; a proxy that only reads the offer
            // lets the callee judge that instead of failing the call.
            default -> { }
        }
    }

    private void sessionAttribute(Attribute a) {
        attributes.add(a);
        if (a.name().equals("fingerprint")) {
            fingerprints.add(Fingerprint.parse(valueOf(a)));
        } else if (a.isProperty()) {
            Direction d = Direction.of(a.name());
            if (d != null) direction = d;
        }
    }

    /** §5: v=, o=, s= and at least one t= come before any media description. */
    private void requireSessionLines() {
        if (origin == null) throw new SdpSyntaxException("missing o= line");
        if (sessionName == null) throw new SdpSyntaxException("missing s= line");
        if (!sawTiming) throw new SdpSyntaxException("missing t= line");
    }

    /** §5.14: m=<media> <port>[/<number of ports>] <proto> <fmt> ... */
    private void startMedia(String value) {
        String[] f = SdpText.fields(value);
        if (f.length < 3) {
            throw new SdpSyntaxException("m= needs <media> <port> <proto> <fmt>..., found " + SdpText.quote(value));
        }
        if (!SdpText.isToken(f[0])) throw new SdpSyntaxException("media type " + SdpText.quote(f[0]) + " is not a token");
        String portText = f[1];
        int portCount = 1;
        int slash = portText.indexOf('/');
        if (slash >= 0) {
            portCount = SdpText.smallNumber(portText.substring(slash + 1), MAX_PORT);
            if (portCount < 1) {
                throw new SdpSyntaxException("number of ports " + SdpText.quote(portText.substring(slash + 1))
                        + " is not a positive number");
            }
            portText = portText.substring(0, slash);
        }
        int port = SdpText.smallNumber(portText, MAX_PORT);
        if (port < 0) {
            throw new SdpSyntaxException("port " + SdpText.quote(portText)
                    + (SdpText.isDigits(portText) ? " is out of range 0-65535" : " is not a number"));
        }
        String protocol = f[2];
        for (String part : protocol.split("/", -1)) {
            if (!SdpText.isToken(part)) {
                throw new SdpSyntaxException("transport protocol " + SdpText.quote(protocol) + " is not <token>[/<token>...]");
            }
        }
        // RFC 3264 §6 lets a rejected stream keep its formats; a live one must offer at least one
        if (f.length == 3 && port != 0) throw new SdpSyntaxException("m= line lists no formats");
        boolean rtp = MediaDescription.isRtpProtocol(protocol);
        List<String> formats = new ArrayList<>(f.length - 3);
        for (int i = 3; i < f.length; i++) {
            if (rtp && SdpText.smallNumber(f[i], MediaDescription.MAX_PAYLOAD_TYPE) < 0) {
                throw new SdpSyntaxException("payload type " + SdpText.quote(f[i]) + " is not a number 0-127");
            }
            if (!SdpText.isToken(f[i])) throw new SdpSyntaxException("format " + SdpText.quote(f[i]) + " is not a token");
            formats.add(f[i]);
        }
        current = new MediaBuilder(lineNo, f[0], port, portCount, protocol, formats);
        media.add(current);
    }

    private void mediaLine(char type, String value) {
        switch (type) {
            case 'c' -> {
                // §5.7: several c= lines in one media description are layered multicast; the first is the base
                Connection c = Connection.parse(value);
                if (current.connection == null) current.connection = c;
            }
            case 'a' -> mediaAttribute(Attribute.parse(value));
            case 'v', 'o', 's', 't', 'r', 'z', 'u', 'e', 'p' ->
                    throw new SdpSyntaxException(type + "= is a session-level line and cannot follow an m= line");
            default -> { } // i= b= k= and unknown letters: see sessionLine
        }
    }

    private void mediaAttribute(Attribute a) {
        current.attributes.add(a);
        switch (a.name()) {
            case "rtpmap" -> {
                RtpMap map = RtpMap.parse(valueOf(a));
                current.rtpMaps.putIfAbsent(map.payloadType(), map);
            }
            case "fmtp" -> {
                // §6: a=fmtp:<format> <format specific parameters>
                String[] f = SdpText.fields(valueOf(a));
                if (f.length == 0) throw new SdpSyntaxException("a=fmtp needs <format> <parameters>");
                String v = valueOf(a).strip();
                current.fmtps.putIfAbsent(f[0], v.substring(f[0].length()).strip());
            }
            case "crypto" -> current.cryptos.add(Crypto.parse(valueOf(a)));
            case "fingerprint" -> current.fingerprints.add(Fingerprint.parse(valueOf(a)));
            default -> {
                Direction d = a.isProperty() ? Direction.of(a.name()) : null;
                if (d != null) current.direction = d;
            }
        }
    }

    private static String valueOf(Attribute a) {
        return a.value() == null ? "" : a.value();
    }

    private SdpResult build() {
        List<MediaDescription> out = new ArrayList<>(media.size());
        for (MediaBuilder b : media) {
            Connection c = b.connection != null ? b.connection : connection;
            // §5.7: c= at session level or in every media description; a disabled stream has no transport to reach
            if (c == null && b.port != 0) {
                return new SdpError(b.line, "no c= line in this media description and none at session level");
            }
            Direction d = b.direction != null ? b.direction : direction != null ? direction : Direction.SENDRECV;
            out.add(new MediaDescription(b.type, b.port, b.portCount, b.protocol, b.formats, c, b.rtpMaps, b.fmtps, d,
                    b.cryptos, b.fingerprints.isEmpty() ? fingerprints : b.fingerprints, b.attributes));
        }
        return new SessionDescription(origin, sessionName, connection, direction, attributes, out);
    }

    /** A media description while its lines are being read. */
    private static final class MediaBuilder {
        final int line;
        final String type;
        final int port;
        final int portCount;
        final String protocol;
        final List<String> formats;
        Connection connection;
        Direction direction;
        final Map<String, RtpMap> rtpMaps = new LinkedHashMap<>();
        final Map<String, String> fmtps = new LinkedHashMap<>();
        final List<Crypto> cryptos = new ArrayList<>(0);
        final List<Fingerprint> fingerprints = new ArrayList<>(0);
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(int line, String type, int port, int portCount, String protocol, List<String> formats) {
            this.line = line;
            this.type = type;
            this.port = port;
            this.portCount = portCount;
            this.protocol = protocol;
            this.formats = formats;
        }
    }
}
