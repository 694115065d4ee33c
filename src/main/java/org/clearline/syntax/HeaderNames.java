package org.clearline.syntax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical header names and the compact forms of §7.3.3 / §20. Every header
 * name in a parsed message is canonical, so lookups compare interned constants
 * in the common case.
 */
public final class HeaderNames {
    public static final String ACCEPT = "Accept";
    public static final String ALLOW = "Allow";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CALL_ID = "Call-ID";
    public static final String CONTACT = "Contact";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CSEQ = "CSeq";
    public static final String DATE = "Date";
    public static final String EXPIRES = "Expires";
    public static final String FROM = "From";
    public static final String HISTORY_INFO = "History-Info";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String PATH = "Path";
    public static final String PRIVACY = "Privacy";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String REASON = "Reason";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String REQUIRE = "Require";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String ROUTE = "Route";
    public static final String SERVER = "Server";
    public static final String SUBJECT = "Subject";
    public static final String SUPPORTED = "Supported";
    public static final String TO = "To";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String USER_AGENT = "User-Agent";
    public static final String VIA = "Via";
    public static final String WARNING = "Warning";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String EVENT = "Event";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String ACCEPT_CONTACT = "Accept-Contact";
    public static final String REJECT_CONTACT = "Reject-Contact";
    public static final String REQUEST_DISPOSITION = "Request-Disposition";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String IDENTITY = "Identity";

    private static final Map<String, String> CANONICAL = new HashMap<>();
    /** Canonical spellings mapped to themselves: the common lookup, without lower-casing. */
    private static final Map<String, String> EXACT = new HashMap<>();

    static {
        for (String n : new String[] {ACCEPT, ALLOW, AUTHORIZATION, CALL_ID, CONTACT, CONTENT_ENCODING,
                CONTENT_LENGTH, CONTENT_TYPE, CSEQ, DATE, EXPIRES, FROM, HISTORY_INFO, MAX_FORWARDS,
                MIN_EXPIRES, PATH, PRIVACY, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, PROXY_REQUIRE, REASON,
                RECORD_ROUTE, REQUIRE, RETRY_AFTER, ROUTE, SERVER, SUBJECT, SUPPORTED, TO, UNSUPPORTED,
                USER_AGENT, VIA, WARNING, WWW_AUTHENTICATE, EVENT, REFER_TO, REFERRED_BY, SESSION_EXPIRES,
                ACCEPT_CONTACT, REJECT_CONTACT, REQUEST_DISPOSITION, ALLOW_EVENTS, IDENTITY}) {
            CANONICAL.put(n.toLowerCase(Locale.ROOT), n);
        }
        for (String n : CANONICAL.values()) EXACT.put(n, n);
        // compact forms (§7.3.3 and the RFCs that define them)
        CANONICAL.put("i", CALL_ID);
        CANONICAL.put("m", CONTACT);
        CANONICAL.put("e", CONTENT_ENCODING);
        CANONICAL.put("l", CONTENT_LENGTH);
        CANONICAL.put("c", CONTENT_TYPE);
        CANONICAL.put("f", FROM);
        CANONICAL.put("s", SUBJECT);
        CANONICAL.put("k", SUPPORTED);
        CANONICAL.put("t", TO);
        CANONICAL.put("v", VIA);
        CANONICAL.put("o", EVENT);
        CANONICAL.put("r", REFER_TO);
        CANONICAL.put("b", REFERRED_BY);
        CANONICAL.put("x", SESSION_EXPIRES);
        CANONICAL.put("a", ACCEPT_CONTACT);
        CANONICAL.put("j", REJECT_CONTACT);
        CANONICAL.put("d", REQUEST_DISPOSITION);
        CANONICAL.put("u", ALLOW_EVENTS);
        CANONICAL.put("y", IDENTITY);
    }

    // open-addressed table over the lower-case names, for lookups straight from bytes
    private static final int SLOTS = 256;
    private static final byte[][] SLOT_KEYS = new byte[SLOTS][];
    private static final String[] SLOT_NAMES = new String[SLOTS];

    static {
        for (Map.Entry<String, String> e : CANONICAL.entrySet()) {
            byte[] key = e.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int slot = hash(key, 0, key.length) & (SLOTS - 1);
            while (SLOT_KEYS[slot] != null) slot = (slot + 1) & (SLOTS - 1);
            SLOT_KEYS[slot] = key;
            SLOT_NAMES[slot] = e.getValue();
        }
    }

    private HeaderNames() {}

    private static int hash(byte[] b, int off, int len) {
        int h = len;
        for (int i = off, end = off + len; i < end; i++) h = h * 31 + lower(b[i]);
        return h ^ (h >>> 16);
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /**
     * {@link #canonical(String)} for a name still in the receive buffer: known
     * names cost no allocation; unknown ones are decoded as ISO-8859-1 as written.
     */
    static String canonical(byte[] b, int off, int len) {
        int slot = hash(b, off, len) & (SLOTS - 1);
        byte[] key;
        while ((key = SLOT_KEYS[slot]) != null) {
            if (key.length == len && sameLower(key, b, off)) return SLOT_NAMES[slot];
            slot = (slot + 1) & (SLOTS - 1);
        }
        return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean sameLower(byte[] key, byte[] b, int off) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != lower(b[off + i])) return false;
        }
        return true;
    }

    /**
     * The canonical spelling of a header name: known names and compact forms map
     * to the constants above; unknown names are returned as written.
     */
    public static String canonical(String name) {
        String exact = EXACT.get(name);
        if (exact != null) return exact;
        String known = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name;
    }
}
