package org.clearline.syntax;

/**
 * Character classes of the §25.1 grammar as one bit table, so the URI, Via and
 * address parsers test a character with one array load. Characters at or above
 * 0x80 belong to no class here (they are only legal inside quoted strings,
 * comments and free text, which the parsers handle themselves).
 */
final class Chars {
    static final int ALPHA = 1;
    static final int DIGIT = 1 << 1;
    static final int HEX = 1 << 2;
    /** unreserved = alphanum / mark; mark = - _ . ! ~ * ' ( ) */
    static final int UNRESERVED = 1 << 3;
    /** user-unreserved = & = + $ , ; ? / */
    static final int USER_UNRESERVED = 1 << 4;
    /** password extras: & = + $ , */
    static final int PASSWORD = 1 << 5;
    /** param-unreserved = [ ] / : & + $ */
    static final int PARAM_UNRESERVED = 1 << 6;
    /** hnv-unreserved = [ ] / ? : + $ */
    static final int HNV_UNRESERVED = 1 << 7;
    /** token characters (§25.1) */
    static final int TOKEN = 1 << 8;
    /** uric = reserved / unreserved / escaped, plus [ ] for IPv6 literals (RFC 3986) */
    static final int URIC = 1 << 9;
    /** word (Call-ID) characters (§25.1) */
    static final int WORD = 1 << 10;
    /** hostname characters: alphanum - . (and _ leniently) */
    static final int HOSTNAME = 1 << 11;

    private static final int[] CLASSES = new int[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) set(c, ALPHA | UNRESERVED | TOKEN | URIC | WORD | HOSTNAME);
        for (char c = 'A'; c <= 'Z'; c++) set(c, ALPHA | UNRESERVED | TOKEN | URIC | WORD | HOSTNAME);
        for (char c = '0'; c <= '9'; c++) set(c, DIGIT | HEX | UNRESERVED | TOKEN | URIC | WORD | HOSTNAME);
        for (char c = 'a'; c <= 'f'; c++) set(c, HEX);
        for (char c = 'A'; c <= 'F'; c++) set(c, HEX);
        setAll("-_.!~*'()", UNRESERVED | URIC);
        setAll("&=+$,;?/", USER_UNRESERVED);
        setAll("&=+$,", PASSWORD);
        setAll("[]/:&+$", PARAM_UNRESERVED);
        setAll("[]/?:+$", HNV_UNRESERVED);
        setAll("-.!%*_+`'~", TOKEN);
        setAll(";/?:@&=+$,%[]", URIC);
        setAll("-.!%*_+`'~()<>:\\\"/[]?{}", WORD);
        setAll("-._", HOSTNAME);
    }

    private Chars() {}

    private static void set(char c, int bits) {
        CLASSES[c] |= bits;
    }

    private static void setAll(String cs, int bits) {
        for (int i = 0; i < cs.length(); i++) set(cs.charAt(i), bits);
    }

    static boolean is(char c, int cls) {
        return c < 128 && (CLASSES[c] & cls) != 0;
    }

    static boolean is(byte b, int cls) {
        return b >= 0 && (CLASSES[b] & cls) != 0;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** True when s[from, to) is 1*{class or %HH escape}; {@code allowEmpty} admits the empty range. */
    static boolean allEscapedOr(String s, int from, int to, int cls, boolean allowEmpty) {
        if (from >= to) return allowEmpty;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || hexValue(s.charAt(i + 1)) < 0 || hexValue(s.charAt(i + 2)) < 0) return false;
                i += 2;
            } else if (!is(c, cls)) {
                return false;
            }
        }
        return true;
    }

    /** Parses s[from, to) as unsigned decimal digits; -1 if empty, not digits, or above {@code max}. */
    static long digits(String s, int from, int to, long max) {
        if (from >= to) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
            if (v > max) return -1;
        }
        return v;
    }
}
