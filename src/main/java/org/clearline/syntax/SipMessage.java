package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A SIP request or response (§7): start line, header lines in wire order, body.
 *
 * <p>Headers are kept as {@link Header} lines: values we never look at are
 * forwarded exactly as they arrived. The headers routing needs are parsed into
 * typed values on first use and cached; {@link MessageParser} touches them once
 * so that a malformed one is reported at parse time, naming the header, and the
 * accessors of a parsed message never throw for them.
 *
 * <p>Not thread-safe: a message belongs to the executor that handles its call.
 * Mutators drop the typed caches.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    public static final String VERSION = "SIP/2.0";

    private final ArrayList<Header> headers;
    private byte[] body;

    // typed caches, reset on mutation
    private List<Via> vias;
    private NameAddr from;
    private NameAddr to;
    private CSeq cseq;
    /** The Call-ID stripped; every layer asks for it (transaction shard, core, call log), most several times. */
    private String callId;

    protected SipMessage(List<Header> headers, byte[] body) {
        this.headers = new ArrayList<>(headers);
        this.body = body == null ? EMPTY : body;
    }

    private static final byte[] EMPTY = new byte[0];

    /** Copy whose header list and body are independent of this one. */
    public abstract SipMessage copy();

    public abstract boolean isRequest();

    /** The start line without CRLF. */
    public abstract String startLine();

    // ------------------------------------------------------------------ headers

    /** All header lines in order (read-only view). */
    public List<Header> headers() {
        return java.util.Collections.unmodifiableList(headers);
    }

    /** Value of the first line named {@code name} (canonical or compact), or null. */
    public String header(String name) {
        String n = HeaderNames.canonical(name);
        for (int i = 0, size = headers.size(); i < size; i++) {
            Header h = headers.get(i);
            if (h.name() == n || h.name().equalsIgnoreCase(n)) return h.value();
        }
        return null;
    }

    /** Values of every line named {@code name}, in order (a comma list stays one entry). */
    public List<String> headerValues(String name) {
        String n = HeaderNames.canonical(name);
        List<String> out = new ArrayList<>(2);
        for (Header h : headers) {
            if (h.name() == n || h.name().equalsIgnoreCase(n)) out.add(h.value());
        }
        return out;
    }

    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    /** Appends a header line after all others. */
    public void addHeader(String name, String value) {
        headers.add(new Header(HeaderNames.canonical(name), value));
        touched(name);
    }

    /**
     * Inserts a header line before the first line of the same name, or, if there
     * is none, before the first header line (§16.6: a proxy puts its Via and
     * Record-Route on top).
     */
    public void addHeaderFirst(String name, String value) {
        String n = HeaderNames.canonical(name);
        int at = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(n)) { at = i; break; }
        }
        headers.add(at, new Header(n, value));
        touched(n);
    }

    /** Replaces every line named {@code name} with one line, at the position of the first. */
    public void setHeader(String name, String value) {
        String n = HeaderNames.canonical(name);
        int at = -1;
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).is(n)) {
                headers.remove(i);
                at = i;
            }
        }
        headers.add(at < 0 ? headers.size() : at, new Header(n, value));
        touched(n);
    }

    /** Removes every line named {@code name}; returns how many were removed. */
    public int removeHeader(String name) {
        String n = HeaderNames.canonical(name);
        int removed = 0;
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).is(n)) {
                headers.remove(i);
                removed++;
            }
        }
        if (removed > 0) touched(n);
        return removed;
    }

    /**
     * Removes the first value of a possibly comma-separated header (the top Via,
     * the top Route): the first line loses its first element, or disappears when
     * that was its only element.
     */
    public void removeFirstValue(String name) {
        String n = HeaderNames.canonical(name);
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            if (!h.is(n)) continue;
            int comma = ListSplitter.firstTopLevelComma(h.value());
            if (comma < 0) {
                headers.remove(i);
            } else {
                headers.set(i, new Header(h.name(), h.value().substring(comma + 1).strip()));
            }
            touched(n);
            return;
        }
    }

    private void touched(String name) {
        String n = HeaderNames.canonical(name);
        if (n == HeaderNames.VIA) vias = null;
        else if (n == HeaderNames.FROM) from = null;
        else if (n == HeaderNames.TO) to = null;
        else if (n == HeaderNames.CSEQ) cseq = null;
        else if (n == HeaderNames.CALL_ID) callId = null;
    }

    /**
     * Lets {@link MessageParser} hand over the values it parsed while validating,
     * so they are not parsed a second time.
     */
    void cacheRouting(List<Via> parsedVias, NameAddr parsedFrom, NameAddr parsedTo, CSeq parsedCseq) {
        this.vias = List.copyOf(parsedVias);
        this.from = parsedFrom;
        this.to = parsedTo;
        this.cseq = parsedCseq;
    }

    // ------------------------------------------------------------ typed access

    /** Every via-parm of every Via line, top first. Empty if there is none. */
    public List<Via> vias() {
        if (vias == null) {
            List<Via> all = new ArrayList<>(2);
            for (Header h : headers) {
                if (h.is(HeaderNames.VIA)) all.addAll(Via.parseList(h.value()));
            }
            vias = List.copyOf(all);
        }
        return vias;
    }

    /** The top Via, or null. */
    public Via topVia() {
        List<Via> v = vias();
        return v.isEmpty() ? null : v.get(0);
    }

    public String callId() {
        if (callId == null) {
            String v = header(HeaderNames.CALL_ID);
            if (v != null) callId = v.strip();
        }
        return callId;
    }

    public CSeq cseq() {
        if (cseq == null) {
            String v = header(HeaderNames.CSEQ);
            if (v != null) cseq = CSeq.parse(v);
        }
        return cseq;
    }

    public NameAddr from() {
        if (from == null) {
            String v = header(HeaderNames.FROM);
            if (v != null) from = NameAddr.parse(v);
        }
        return from;
    }

    public NameAddr to() {
        if (to == null) {
            String v = header(HeaderNames.TO);
            if (v != null) to = NameAddr.parse(v);
        }
        return to;
    }

    /** Every element of every line of a name-addr list header (Contact, Route, Record-Route, Path). */
    public List<NameAddr> addressList(String name) {
        List<NameAddr> out = new ArrayList<>(2);
        for (String v : headerValues(name)) out.addAll(NameAddr.parseList(v));
        return out;
    }

    /** Max-Forwards value, or -1 when absent. */
    public int maxForwards() {
        String v = header(HeaderNames.MAX_FORWARDS);
        if (v == null) return -1;
        return Integer.parseInt(v.strip());
    }

    /**
     * Expires header in seconds, or -1 when absent or not a number. Values above
     * 2^32-1 are read as 2^32-1 (§20.19, §10.2.1.1).
     */
    public long expires() {
        String v = header(HeaderNames.EXPIRES);
        if (v == null) return -1;
        return deltaSeconds(v.strip());
    }

    /** delta-seconds with saturation at 2^32-1; -1 when not 1*DIGIT. */
    static long deltaSeconds(String v) {
        if (!RoutingHeaders.allDigits(v)) return -1;
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            n = n * 10 + (v.charAt(i) - '0');
            if (n > 0xFFFFFFFFL) return 0xFFFFFFFFL;
        }
        return n;
    }

    /** True when a Contact line is the wildcard {@code *} (§10.2.2: remove all bindings). */
    public boolean isContactWildcard() {
        for (String v : headerValues(HeaderNames.CONTACT)) {
            if (v.strip().equals("*")) return true;
        }
        return false;
    }

    /** Content-Type value (lower case, parameters stripped), or null. */
    public String contentType() {
        String v = header(HeaderNames.CONTENT_TYPE);
        if (v == null) return null;
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    // -------------------------------------------------------------------- body

    public byte[] body() {
        return body;
    }

    /** Sets the body and a matching Content-Length; a null type leaves Content-Type alone. */
    public void setBody(byte[] newBody, String contentType) {
        this.body = newBody == null ? EMPTY : newBody;
        if (contentType != null) setHeader(HeaderNames.CONTENT_TYPE, contentType);
        setHeader(HeaderNames.CONTENT_LENGTH, Integer.toString(this.body.length));
    }

    protected ArrayList<Header> headerList() {
        return headers;
    }

    /** Encodes the whole message for the wire (see {@link MessageWriter}). */
    public byte[] encode() {
        return MessageWriter.encode(this);
    }

    /** The message as text, for logs and DEBUG traces. */
    @Override
    public String toString() {
        return new String(encode(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
