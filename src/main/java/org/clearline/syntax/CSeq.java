package org.clearline.syntax;

/** CSeq (§20.16): sequence number (32-bit unsigned, below 2^31 per §8.1.1.5) and method. */
public record CSeq(long number, String method) {

    public static CSeq parse(String text) {
        String t = text.trim();
        int sp = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t') { sp = i; break; }
        }
        if (sp <= 0) throw new SipSyntaxException("expected a number and a method");
        String num = t.substring(0, sp);
        String method = t.substring(sp).trim();
        if (method.isEmpty() || !Tokens.isToken(method)) {
            throw new SipSyntaxException("expected a number and a method");
        }
        // 1*DIGIT expressible as a 32-bit unsigned integer (§20.16); never overflows
        long n = Chars.digits(num, 0, num.length(), 0xFFFFFFFFL);
        if (n < 0) throw new SipSyntaxException("sequence number is not a 32-bit unsigned number");
        return new CSeq(n, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
