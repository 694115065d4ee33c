package org.clearline.syntax.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed session description (RFC 4566 §5): the session-level lines the
 * offer/answer model needs (RFC 3264) and the media descriptions in order.
 *
 * @param connection session-level {@code c=}, or null when every media
 *                   description carries its own
 * @param direction  session-level direction attribute, or null when absent
 * @param attributes every session-level {@code a=} line, in order
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection, Direction direction,
                                 List<Attribute> attributes, List<MediaDescription> media) implements SdpResult {

    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The streams offered for use (port not 0), in order. */
    public List<MediaDescription> activeMedia() {
        List<MediaDescription> out = new ArrayList<>(media.size());
        for (MediaDescription m : media) {
            if (m.isActive()) out.add(m);
        }
        return out;
    }

    /** The media descriptions of {@code type} (audio, video...), compared without case. */
    public List<MediaDescription> media(String type) {
        List<MediaDescription> out = new ArrayList<>(2);
        for (MediaDescription m : media) {
            if (m.type().equalsIgnoreCase(type)) out.add(m);
        }
        return out;
    }

    /** The first session-level attribute named {@code name}, or null. */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) return a;
        }
        return null;
    }
}
