package org.clearline.store;

import java.util.Locale;

/**
 * One step of the route a call took, in the order the server took it: a
 * followed forward or a redirect, a phone rung (one step per branch of a
 * fork), a trunk tried (a trunk tried after another one failed is a
 * failover), another domain's server.
 *
 * @param kind   what the step is
 * @param label  who: "bob -> carol" for a forward or redirect, the branch's
 *               label ("bob: phone 1", "trunk carrier") otherwise
 * @param detail the forward's cause ("busy", "no-answer", "unconditional",
 *               "unavailable"), or the Request-URI a branch was sent to
 */
public record RouteStep(Kind kind, String label, String detail) {
    public RouteStep {
        label = label == null ? "" : label;
        detail = detail == null ? "" : detail;
    }

    public enum Kind {
        /** A followed forward moved the call to another line or number. */
        FORWARD,
        /** The caller was told to call somewhere else (301/302 with a Contact). */
        REDIRECT,
        /** A registered phone of one of our lines was rung. */
        CONTACT,
        /** A SIP trunk was tried. */
        TRUNK,
        /** Another trunk was tried after the one before it failed. */
        FAILOVER,
        /** The request went to another domain's server. */
        RELAY;

        /** The stored name, made once: the writer stores a route per call. */
        private final String key = name().toLowerCase(Locale.ROOT);

        /** The stored name: "forward", "contact"... */
        public String key() {
            return key;
        }

        /** The kind stored as {@code key}, or null for a name this version does not know. */
        public static Kind byKey(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) return k;
            }
            return null;
        }
    }

    /** "forward busy: bob -> carol", "contact bob: phone 1 sip:bob@192.0.2.7:5060", "trunk carrier sip:...". */
    public String text() {
        return switch (kind) {
            case FORWARD, REDIRECT -> kind.key() + " " + detail + ": " + label;
            // a trunk branch is labelled "trunk NAME"; the kind already says trunk
            case TRUNK, FAILOVER -> (kind.key() + " " + label.replaceFirst("^trunk ", "") + " " + detail).strip();
            default -> (kind.key() + " " + label + " " + detail).strip();
        };
    }
}
