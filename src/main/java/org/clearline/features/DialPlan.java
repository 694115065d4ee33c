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
        if (d.charAt(0) == '+') return allDigits(d, 1) ? d : null;
        if (!allDigits(d, 0)) return null;
        if (d.startsWith("00")) return d.length() > 2 ? "+" + d.substring(2) : null;
        if (d.startsWith("0")) return d.length() > 1 ? "+" + countryCode + d.substring(1) : null;
        return "+" + countryCode + areaCode + d;
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
        if (s.length() <= from || s.length() - from > 15) return false;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
