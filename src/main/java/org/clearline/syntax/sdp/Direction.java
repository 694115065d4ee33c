package org.clearline.syntax.sdp;

/**
 * The media direction attributes (RFC 4566 §6, RFC 3264 §5.1). A media
 * description without one inherits the session's; without either it is
 * {@link #SENDRECV}.
 */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The direction an attribute name stands for, or null if it is not one. */
    static Direction of(String attributeName) {
        return switch (attributeName) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }

    /** The attribute name as it appears in SDP. */
    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
