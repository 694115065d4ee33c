package org.clearline.features;

/**
 * Turns a dialled number into E.164 ("+493012345001"): international ("+49..."
 * or "0049..."), national ("030..." with the trunk prefix 0) and local numbers
 * (without area code) of the domain's country and area.
 */
public final class DialPlan {
    private final String countryCode;
    private final String areaCode;

    /** @param countryCode e.g. "49"; @param areaCode e.g. "30" (without trunk prefix) */
    public DialPlan(String countryCode, String areaCode) {
        this.countryCode = countryCode;
        this.areaCode = areaCode;
    }

    /** E.164 form, or null when {@code dialed} is not a telephone number. */
    public String normalise(String dialed) {
        if (dialed == null) return null;
        String d = stripVisualSeparators(dialed);
        if (d.isEmpty()) return null;
        if (d.charAt(0) == '+') return e164(allDigits(d, 1) ? d : null);
        if (!allDigits(d, 0)) return null;
        if (d.startsWith("00")) return d.length() > 2 ? e164("+" + d.substring(2)) : null;
        if (d.startsWith("0")) return d.length() > 1 ? e164("+" + countryCode + d.substring(1)) : null;
        return e164("+" + countryCode + areaCode + d);
    }

    /**
     * The number if it can be E.164 (ITU-T E.164 §6): at most 15 digits counted after
     * the prefixes were replaced (not as dialled, where "00" adds two), and a country
     * code, which never starts with 0.
     */
    private static String e164(String number) {
        if (number == null || number.length() > 16 || number.charAt(1) == '0') return null;
        return number;
    }

    /** RFC 3966 visual separators ("-", ".", "(", ")") and spaces do not count. */
    private static String stripVisualSeparators(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') sb.append(c);
        }
        return sb.toString();
    }

    private static boolean allDigits(String s, int from) {
        if (s.length() <= from) return false;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
