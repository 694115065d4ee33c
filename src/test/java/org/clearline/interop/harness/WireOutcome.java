package org.clearline.interop.harness;

import java.util.List;

/**
 * What came back after sending one raw message: the final responses (in order),
 * whether anything at all came back, whether the server closed the TCP connection.
 */
public record WireOutcome(List<RawResponse> finals, boolean anything, boolean closed) {

    public WireOutcome {
        finals = List.copyOf(finals);
    }

    /** The first final status, or -1. */
    public int firstFinal() {
        return finals.isEmpty() ? -1 : finals.get(0).status();
    }

    /**
     * Whether this outcome is one of the allowed ones, written as in
     * interop/rfc4475-wire.tsv: NNN, NOT400, ANY, DROP, SILENT, CLOSE, joined by '|'.
     */
    public boolean matches(String allowed) {
        for (String token : allowed.split("\\|")) {
            boolean ok = switch (token.strip()) {
                case "NOT400" -> firstFinal() >= 200 && firstFinal() != 400;
                case "ANY" -> firstFinal() >= 200;
                case "DROP" -> !anything;
                case "SILENT" -> finals.isEmpty();
                case "CLOSE" -> closed;
                default -> firstFinal() == Integer.parseInt(token.strip());
            };
            if (ok) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return (finals.isEmpty() ? "no final response" : "finals " + finals) + (anything ? "" : ", nothing at all")
                + (closed ? ", connection closed" : "");
    }
}
