package org.clearline.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Request-Line (§7.1, §25.1: {@code Method SP Request-URI SP SIP-Version}, single
 * spaces, no white space inside the URI) or Status-Line (§7.2:
 * {@code SIP-Version SP 3DIGIT SP Reason-Phrase}). A failure keeps what was
 * understood (the method, the URI) so that a 400 or 505 can still be built, or
 * (the status code) so that an invalid response can still be matched (§16.7).
 */
record StartLine(boolean request, String method, Uri uri, int status, String reason,
                 ParseError error, String detail) {

    private static final String[] METHODS = {Methods.INVITE, Methods.ACK, Methods.BYE, Methods.CANCEL,
        Methods.OPTIONS, Methods.REGISTER, Methods.INFO, Methods.UPDATE, Methods.PRACK, Methods.SUBSCRIBE,
        Methods.NOTIFY, Methods.REFER, Methods.MESSAGE, Methods.PUBLISH};

    boolean failed() {
        return error != null;
    }

    /** Parses data[from, to), the line without its CRLF. */
    static StartLine parse(byte[] data, int from, int to) {
        if (startsWithSip(data, from, to)) return statusLine(data, from, to);
        return requestLine(data, from, to);
    }

    private static StartLine requestLine(byte[] d, int from, int to) {
        int sp1 = indexOf(d, from, to, (byte) ' ');
        if (sp1 <= from) return garbage("not a SIP request or status line");
        for (int i = from; i < sp1; i++) {
            if (!Chars.is(d[i], Chars.TOKEN)) return garbage("method is not a token");
        }
        String method = method(d, from, sp1);
        int sp2 = lastIndexOf(d, sp1, to, (byte) ' ');
        int versionFrom = sp2 + 1;
        if (!isSipVersion(d, versionFrom, to)) return garbage("not a SIP request (no SIP version)");
        if (!isVersion20(d, versionFrom, to)) {
            return new StartLine(true, method, uriOrNull(d, sp1 + 1, sp2), 0, null,
                    ParseError.BAD_VERSION, "SIP version " + latin1(d, versionFrom, to) + " not supported");
        }
        if (sp2 == sp1) return badLine(method, null, "missing Request-URI");
        for (int i = sp1 + 1; i < sp2; i++) {
            byte b = d[i];
            if (b == ' ' || b == '\t') return badLine(method, null, "white space in or around the Request-URI");
        }
        Uri uri;
        try {
            uri = Uri.parse(latin1(d, sp1 + 1, sp2));
        } catch (SipSyntaxException e) {
            return badLine(method, null, "bad Request-URI: " + e.getMessage());
        }
        if (uri instanceof SipUri sip && sip.headers() != null) {
            // §19.1.1 Table 1: headers are not allowed in a Request-URI (RFC 4475 escruri)
            return badLine(method, uri, "Request-URI must not carry headers");
        }
        return new StartLine(true, method, uri, 0, null, null, null);
    }

    private static StartLine statusLine(byte[] d, int from, int to) {
        int sp1 = indexOf(d, from, to, (byte) ' ');
        int versionEnd = sp1 < 0 ? to : sp1;
        if (!isSipVersion(d, from, versionEnd)) return garbage("bad SIP version in status line");
        if (!isVersion20(d, from, versionEnd)) {
            return new StartLine(false, null, null, 0, null, ParseError.BAD_VERSION,
                    "SIP version " + latin1(d, from, versionEnd) + " not supported");
        }
        int c = sp1 + 1;
        if (sp1 < 0 || to - c < 3 || (to - c > 3 && d[c + 3] != ' ')) return garbage("status code is not three digits");
        int code = 0;
        for (int i = c; i < c + 3; i++) {
            if (d[i] < '0' || d[i] > '9') return garbage("status code is not three digits");
            code = code * 10 + (d[i] - '0');
        }
        if (code < 100 || code > 699) return garbage("status code out of range");
        // Reason-Phrase may be empty (RFC 4475 noreason: "SIP/2.0 100 ")
        String reason = to - c > 4 ? latin1(d, c + 4, to) : "";
        for (int i = c + 4; i < to; i++) {
            // §25.1: Reason-Phrase allows SP and HTAB but no other control character. We stay
            // lenient about the rest (brackets, Latin-1 bytes) that real gateways send.
            byte b = d[i];
            if ((b >= 0 && b < ' ' && b != '\t') || b == 0x7f) {
                return new StartLine(false, null, null, code, "", ParseError.BAD_STATUS_LINE,
                        "control character in the Reason-Phrase");
            }
        }
        return new StartLine(false, null, null, code, reason, null, null);
    }

    private static StartLine garbage(String detail) {
        return new StartLine(false, null, null, 0, null, ParseError.GARBAGE, detail);
    }

    private static StartLine badLine(String method, Uri uri, String detail) {
        return new StartLine(true, method, uri, 0, null, ParseError.BAD_REQUEST_LINE, detail);
    }

    private static Uri uriOrNull(byte[] d, int from, int to) {
        if (from >= to) return null;
        try {
            return Uri.parse(latin1(d, from, to));
        } catch (SipSyntaxException e) {
            return null;
        }
    }

    /** The Methods constant when the bytes spell one (case-sensitive, §7.1), else a new string. */
    private static String method(byte[] d, int from, int to) {
        int len = to - from;
        for (String m : METHODS) {
            if (m.length() != len) continue;
            boolean same = true;
            for (int i = 0; i < len && same; i++) same = d[from + i] == m.charAt(i);
            if (same) return m;
        }
        return latin1(d, from, to);
    }

    /** SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT, case-insensitive (§7.1). */
    private static boolean isSipVersion(byte[] d, int from, int to) {
        if (!startsWithSip(d, from, to)) return false;
        int dot = indexOf(d, from + 4, to, (byte) '.');
        if (dot <= from + 4 || dot >= to - 1) return false;
        for (int i = from + 4; i < to; i++) {
            if (i != dot && (d[i] < '0' || d[i] > '9')) return false;
        }
        return true;
    }

    private static boolean isVersion20(byte[] d, int from, int to) {
        return to - from == 7 && d[from + 4] == '2' && d[from + 5] == '.' && d[from + 6] == '0';
    }

    private static boolean startsWithSip(byte[] d, int from, int to) {
        return to - from >= 4 && (d[from] | 0x20) == 's' && (d[from + 1] | 0x20) == 'i'
                && (d[from + 2] | 0x20) == 'p' && d[from + 3] == '/';
    }

    static int indexOf(byte[] d, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (d[i] == b) return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] d, int from, int to, byte b) {
        for (int i = to - 1; i >= from; i--) {
            if (d[i] == b) return i;
        }
        return -1;
    }

    static String latin1(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
