package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The eager part of parsing: the headers that routing and the transaction
 * layer need are parsed once, here, so a malformed one is reported naming it
 * (§8.1.1 lists Via, From, To, Call-ID, CSeq and Max-Forwards as the request's
 * core; Contact, Route, Record-Route and Expires drive routing and
 * registration). Every line is looked at even after a failure, so that the
 * lines that did parse can be salvaged for a stateless 400/505 answer.
 */
final class RoutingHeaders {
    final List<Via> vias = new ArrayList<>(2);
    NameAddr from;
    NameAddr to;
    CSeq cseq;
    boolean hasCallId;
    /** Via, From, To, Call-ID and CSeq lines that parsed, in their order. */
    final List<Header> salvage = new ArrayList<>(8);

    /** The first problem: header name and detail, or null when all is well. */
    String badHeader;
    String detail;

    /** {@code method} is the Request-Line method, or null for a response. */
    RoutingHeaders check(List<Header> headers, String method) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            Header h = headers.get(i);
            try {
                checkOne(h, method);
            } catch (SipSyntaxException e) {
                fail(h.name(), e.getMessage());
            }
        }
        if (vias.isEmpty() || from == null || to == null || !hasCallId || cseq == null) {
            List<String> missing = new ArrayList<>(5);
            if (vias.isEmpty() && !present(headers, HeaderNames.VIA)) missing.add(HeaderNames.VIA);
            if (from == null && !present(headers, HeaderNames.FROM)) missing.add(HeaderNames.FROM);
            if (to == null && !present(headers, HeaderNames.TO)) missing.add(HeaderNames.TO);
            if (!hasCallId && !present(headers, HeaderNames.CALL_ID)) missing.add(HeaderNames.CALL_ID);
            if (cseq == null && !present(headers, HeaderNames.CSEQ)) missing.add(HeaderNames.CSEQ);
            if (!missing.isEmpty()) {
                fail(missing.get(0), missing.size() == 1 ? "missing"
                        : "missing (also missing: " + String.join(", ", missing.subList(1, missing.size())) + ")");
            }
        }
        return this;
    }

    boolean ok() {
        return badHeader == null;
    }

    private void checkOne(Header h, String method) {
        String name = h.name();
        String value = h.value();
        if (name == HeaderNames.VIA) {
            vias.addAll(ViaParser.parseList(value));
            salvage.add(h);
        } else if (name == HeaderNames.FROM) {
            if (from != null) throw new SipSyntaxException("appears more than once");
            from = AddressParser.parseNameAddr(value);
            salvage.add(h);
        } else if (name == HeaderNames.TO) {
            if (to != null) throw new SipSyntaxException("appears more than once");
            to = AddressParser.parseNameAddr(value);
            salvage.add(h);
        } else if (name == HeaderNames.CALL_ID) {
            if (hasCallId) throw new SipSyntaxException("appears more than once");
            checkCallId(value);
            hasCallId = true;
            salvage.add(h);
        } else if (name == HeaderNames.CSEQ) {
            if (cseq != null) throw new SipSyntaxException("appears more than once");
            cseq = CSeq.parse(value);
            salvage.add(h);
            // §8.1.1.5 and §8.2: the CSeq method matches the Request-Line method, ACK and CANCEL included
            if (method != null && !cseq.method().equals(method)) {
                throw new SipSyntaxException("method " + cseq.method() + " does not match the Request-Line method");
            }
        } else if (name == HeaderNames.MAX_FORWARDS) {
            String v = value.strip();
            if (Chars.digits(v, 0, v.length(), 255) < 0) throw new SipSyntaxException("not an integer 0..255");
        } else if (name == HeaderNames.EXPIRES) {
            if (!allDigits(value.strip())) throw new SipSyntaxException("not a number of seconds");
        } else if (name == HeaderNames.CONTACT) {
            if (!value.strip().equals("*")) {
                for (NameAddr c : AddressParser.parseNameAddrList(value)) checkContactParams(c.params());
            }
        } else if (name == HeaderNames.ROUTE || name == HeaderNames.RECORD_ROUTE) {
            AddressParser.parseNameAddrList(value);
        }
    }

    /** callid = word [ "@" word ] (§25.1). */
    private static void checkCallId(String value) {
        String v = value.strip();
        int at = v.indexOf('@');
        if (at == 0 || at == v.length() - 1 || (at > 0 && v.indexOf('@', at + 1) >= 0) || v.isEmpty()) {
            throw new SipSyntaxException("not a word[@word]");
        }
        for (int i = 0; i < v.length(); i++) {
            if (i != at && !Chars.is(v.charAt(i), Chars.WORD)) throw new SipSyntaxException("not a word[@word]");
        }
    }

    /** c-p-q = "q" EQUAL qvalue; c-p-expires = "expires" EQUAL delta-seconds (§20.10). */
    private static void checkContactParams(Params params) {
        String q = params.get("q");
        if (q != null && !isQvalue(q)) throw new SipSyntaxException("bad q value");
        String expires = params.get("expires");
        if (expires != null && !allDigits(expires)) throw new SipSyntaxException("bad expires parameter");
    }

    /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
    static boolean isQvalue(String q) {
        int n = q.length();
        if (n == 0 || n > 5 || (q.charAt(0) != '0' && q.charAt(0) != '1')) return false;
        if (n == 1) return true;
        if (q.charAt(1) != '.') return false;
        for (int i = 2; i < n; i++) {
            char c = q.charAt(i);
            if (q.charAt(0) == '1' ? c != '0' : c < '0' || c > '9') return false;
        }
        return true;
    }

    static boolean allDigits(String v) {
        if (v.isEmpty()) return false;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        }
        return true;
    }

    private void fail(String header, String why) {
        if (badHeader == null) {
            badHeader = header;
            detail = why;
        }
    }

    private static boolean present(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name() == name) return true;
        }
        return false;
    }
}
