package org.clearline.ladder;

import java.util.Locale;

/**
 * What an arrow carries, for its colour: a request, a provisional response
 * (§7.2: 1xx), a success (2xx), another final response the drawer did not call
 * a failure (a redirect, a digest challenge §22.2), or a failure.
 */
enum ArrowKind {
    REQUEST("#1d4ed8"), PROVISIONAL("#4b5563"), SUCCESS("#15803d"), OTHER("#b45309"), FAILURE("#c62828");

    private final String colour;

    ArrowKind(String colour) {
        this.colour = colour;
    }

    static ArrowKind of(LadderMessage m) {
        if (m.failed()) return FAILURE;
        int status = LadderMessage.status(m.label());
        if (status < 0) return REQUEST;
        if (status < 200) return PROVISIONAL;
        return status < 300 ? SUCCESS : OTHER;
    }

    String colour() {
        return colour;
    }

    /** The value of the arrow's {@code data-kind} attribute. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
