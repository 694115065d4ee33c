package org.clearline.ladder;

import java.util.Objects;

/**
 * One vertical line of a ladder: an endpoint, with a title above it (e.g. "caller")
 * and an optional subtitle (e.g. its address).
 */
public record Lane(String endpoint, String title, String subtitle) {
    public Lane {
        Objects.requireNonNull(endpoint, "endpoint");
        title = title == null || title.isBlank() ? endpoint : title;
        subtitle = subtitle == null ? "" : subtitle;
    }

    /** A lane titled with the endpoint's own name. */
    public static Lane of(String endpoint) {
        return new Lane(endpoint, endpoint, "");
    }
}
