package org.clearline.analyzer.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;
import org.clearline.syntax.sdp.MediaDescription;
import org.clearline.syntax.sdp.Sdp;
import org.clearline.syntax.sdp.SdpError;
import org.clearline.syntax.sdp.SdpResult;
import org.clearline.syntax.sdp.SessionDescription;

/**
 * Takes {@link MessageFacts} from a parsed message. Messages from traces may be
 * salvaged halves of refused ones, whose headers are parsed lazily and may
 * throw: every header is read on its own and a bad one only leaves its fact out.
 */
final class FactExtractor {
    private FactExtractor() {}

    static MessageFacts of(SipMessage m) {
        String requestUri = null;
        if (m instanceof SipRequest r && r.requestUri() != null) requestUri = r.requestUri().toString();
        // a response repeats its request's From, To and Vias: keep them once (memory per open call)
        boolean request = m.isRequest();
        String from = request ? safe(() -> uri(m.from())) : null;
        String to = request ? safe(() -> uri(m.to())) : null;
        String authUser = null;
        String auth = m.header(HeaderNames.AUTHORIZATION);
        if (auth == null) auth = m.header(HeaderNames.PROXY_AUTHORIZATION);
        if (auth != null) authUser = param(auth, "username", "");
        String challenge = m.header(HeaderNames.WWW_AUTHENTICATE);
        if (challenge == null) challenge = m.header(HeaderNames.PROXY_AUTHENTICATE);
        boolean stale = challenge != null && "true".equalsIgnoreCase(param(challenge, "stale", "false"));
        List<String> vias = new ArrayList<>(2);
        String received = null;
        List<Via> parsed = safe(m::vias);
        if (parsed != null) {
            // the whole path is read for requests and for 482 (the loop); a response needs its top Via only
            boolean path = request || (m instanceof SipResponse r && r.status() == 482);
            for (Via v : parsed) {
                vias.add(v.sentBy());
                if (!path) break;
            }
            if (!parsed.isEmpty()) received = parsed.getFirst().received();
        }
        List<String> contacts = new ArrayList<>(1);
        List<NameAddr> addresses = safe(() -> m.addressList(HeaderNames.CONTACT));
        if (addresses != null) for (NameAddr a : addresses) contacts.add(a.uri().toString());
        return new MessageFacts(requestUri, from, to, authUser, stale, vias, received, contacts, sdp(m),
                m.header(HeaderNames.WARNING), m.hasHeader(HeaderNames.RETRY_AFTER));
    }

    private static SdpFacts sdp(SipMessage m) {
        if (m.body().length == 0) return null;
        String type = m.contentType();
        if (type != null && !type.equals("application/sdp")) return null;
        if (type == null && !startsLikeSdp(m.body())) return null;
        SdpResult r = Sdp.parse(m.body());
        if (r instanceof SdpError e) return new SdpFacts(List.of(), List.of(), e.describe());
        SessionDescription s = (SessionDescription) r;
        List<String> codecs = new ArrayList<>(4);
        List<String> hosts = new ArrayList<>(2);
        if (s.connection() != null) hosts.add(s.connection().host());
        for (MediaDescription md : s.media()) {
            if (md.connection() != null && !hosts.contains(md.connection().host())) hosts.add(md.connection().host());
            if (md.isActive()) addCodecs(codecs, md);
        }
        if (codecs.isEmpty()) {
            // a refusal (488) may describe what it would take with streams set to port 0 (RFC 3264 §6)
            for (MediaDescription md : s.media()) addCodecs(codecs, md);
        }
        return new SdpFacts(codecs, hosts, null);
    }

    private static void addCodecs(List<String> codecs, MediaDescription md) {
        for (String c : md.codecNames()) {
            if (codecs.stream().noneMatch(x -> x.equalsIgnoreCase(c))) codecs.add(c);
        }
    }

    private static boolean startsLikeSdp(byte[] body) {
        return body.length > 2 && body[0] == 'v' && body[1] == '=';
    }

    private static String uri(NameAddr a) {
        return a == null ? null : a.uri().toString();
    }

    /** A digest parameter's value, unquoted (RFC 2617 §3.2.2, RFC 3261 §25.1 auth-param). */
    static String param(String header, String name, String absent) {
        String lower = header.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(name, from);
            if (at < 0) return absent;
            boolean boundary = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)) && lower.charAt(at - 1) != '-';
            int p = at + name.length();
            while (p < header.length() && header.charAt(p) == ' ') p++;
            if (boundary && p < header.length() && header.charAt(p) == '=') {
                p++;
                while (p < header.length() && header.charAt(p) == ' ') p++;
                if (p < header.length() && header.charAt(p) == '"') {
                    int end = header.indexOf('"', p + 1);
                    return end < 0 ? header.substring(p + 1) : header.substring(p + 1, end);
                }
                int end = p;
                while (end < header.length() && header.charAt(end) != ',' && header.charAt(end) != ' ') end++;
                return header.substring(p, end);
            }
            from = at + 1;
        }
    }

    private static <T> T safe(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null; // a header a salvaged message could not give: the fact stays unknown
        }
    }
}
