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
        if (num.length() > 10 || method.isEmpty() || !Tokens.isToken(method)) {
            throw new SipSyntaxException("expected a number and a method");
        }
        long n;
        try {
            n = Long.parseLong(num);
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("sequence number is not a number");
        }
        if (n < 0 || n > 0xFFFFFFFFL) throw new SipSyntaxException("sequence number out of range");
        return new CSeq(n, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
