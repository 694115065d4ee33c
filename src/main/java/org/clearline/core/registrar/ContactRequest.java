package org.clearline.core.registrar;

import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipSyntaxException;

/**
 * The Contact part of a REGISTER (§10.2.1, §10.2.2, §10.3 step 6): either a list of
 * contacts with their requested expiry, the wildcard {@code *}, or nothing (a query).
 */
record ContactRequest(boolean wildcard, List<Requested> contacts, String error) {

    /** One contact and the expiry it asks for in seconds (-1: use the default). */
    record Requested(NameAddr address, String uriText, long expires, double q) {}

    static ContactRequest of(SipRequest request) {
        List<String> values = request.headerValues(HeaderNames.CONTACT);
        long headerExpires = -1;
        String exp = request.header(HeaderNames.EXPIRES);
        if (exp != null) {
            headerExpires = parseDelta(exp.strip());
            if (headerExpires < 0) return failed("Expires is not a number of seconds");
        }
        boolean star = false;
        List<NameAddr> addresses = new ArrayList<>();
        for (String v : values) {
            if (v.strip().equals("*")) {
                star = true;
                continue;
            }
            try {
                addresses.addAll(NameAddr.parseList(v));
            } catch (SipSyntaxException e) {
                return failed("Contact: " + e.getMessage());
            }
        }
        if (star) {
            // §10.2.2: "*" only with Expires: 0 and no other contact
            if (!addresses.isEmpty() || values.size() != 1 || headerExpires != 0) {
                return failed("Contact '*' needs Expires: 0 and no other Contact");
            }
            return new ContactRequest(true, List.of(), null);
        }
        List<Requested> out = new ArrayList<>(addresses.size());
        for (NameAddr a : addresses) {
            long e = headerExpires;
            String p = a.params().get("expires");
            if (p != null) {
                e = parseDelta(p);
                if (e < 0) return failed("Contact expires parameter is not a number of seconds");
            }
            double q = 1.0;
            String qs = a.params().get("q");
            if (qs != null) {
                try {
                    q = Double.parseDouble(qs);
                } catch (NumberFormatException ex) {
                    return failed("Contact q parameter is not a number");
                }
                if (q < 0 || q > 1) return failed("Contact q parameter out of range 0..1");
            }
            out.add(new Requested(a, a.uri().toString(), e, q));
        }
        return new ContactRequest(false, out, null);
    }

    private static ContactRequest failed(String why) {
        return new ContactRequest(false, List.of(), why);
    }

    /** delta-seconds; values beyond 2^32-1 are capped (§20.19); -1 if not digits. */
    private static long parseDelta(String s) {
        if (s.isEmpty() || s.length() > 18) return s.length() > 18 && s.chars().allMatch(Character::isDigit) ? 4294967295L : -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        }
        return Math.min(Long.parseLong(s), 4294967295L);
    }
}
