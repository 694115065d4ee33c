package org.clearline.analyzer.diagnosis;

import java.util.List;

/**
 * What a trace can show that a server's failure code alone does not. Each has
 * a stable id (the key of its texts in the findings bundles), the RFC sections
 * behind it, and the facts its texts name: {@code facts} always, {@code
 * optional} each with a sentence of its own when present.
 */
public enum FindingKind {
    NO_RESPONSE("trace.no-response", "RFC 3261 §17.1.1.2, §17.1.2.2 (Timers A/B, E/F)",
            List.of("method", "target", "copies", "seconds"), List.of()),
    AUTH_LOOP("trace.auth-loop", "RFC 3261 §22.2, §22.4",
            List.of("method", "code", "user", "attempts"), List.of()),
    CODEC_MISMATCH("trace.codec-mismatch", "RFC 3261 §21.4.26, §20.43; RFC 3264 §6",
            List.of("offered"), List.of("accepted", "warning")),
    VIA_LOOP("trace.via-loop", "RFC 3261 §16.3 step 4, §8.2.2.2",
            List.of("hop", "vias"), List.of()),
    REDIRECT_NOT_FOLLOWED("trace.redirect-not-followed", "RFC 3261 §8.1.3.4, §21.3",
            List.of("code", "contacts"), List.of()),
    ACK_MISSING("trace.ack-missing", "RFC 3261 §13.3.1.4, §13.2.2.4",
            List.of("copies", "receiver"), List.of("bye")),
    PRIVATE_ADDRESS("trace.private-address", "RFC 1918, RFC 6598; RFC 3261 §18.2.1; RFC 3264 §5",
            List.of("where", "address", "sender"), List.of()),
    BYE_UNKNOWN_DIALOG("trace.bye-unknown-dialog", "RFC 3261 §15.1.2, §12.2.2",
            List.of("sender", "receiver"), List.of()),
    CANCEL_RACE("trace.cancel-race", "RFC 3261 §9.1, §9.2, §15",
            List.of(), List.of("after", "before"));

    private final String id;
    private final String rfc;
    private final List<String> facts;
    private final List<String> optional;

    FindingKind(String id, String rfc, List<String> facts, List<String> optional) {
        this.id = id;
        this.rfc = rfc;
        this.facts = facts;
        this.optional = optional;
    }

    /** Stable identifier, e.g. "trace.no-response"; the prefix keeps it apart from the catalogue's ids. */
    public String id() {
        return id;
    }

    public String rfc() {
        return rfc;
    }

    /** The facts every finding of this kind has, named in its "what" text. */
    public List<String> facts() {
        return facts;
    }

    /** Facts that may be missing; each present one adds its own sentence. */
    public List<String> optional() {
        return optional;
    }

    public static FindingKind byId(String id) {
        for (FindingKind k : values()) {
            if (k.id.equals(id)) return k;
        }
        return null;
    }
}
