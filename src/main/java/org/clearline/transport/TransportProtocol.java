package org.clearline.transport;

/** The transports a message can travel on (§18); TLS and WS/WSS join later. */
public enum TransportProtocol {
    UDP(false),
    TCP(true);

    private final boolean reliable;
    private final String lowerName = name().toLowerCase(java.util.Locale.ROOT);

    TransportProtocol(boolean reliable) {
        this.reliable = reliable;
    }

    /** "udp", "tcp": how {@link Peer} names the transport. */
    public String lowerName() {
        return lowerName;
    }

    /** Reliable transports need no retransmissions (§17.1.1.2 Timer A, §17.1.2.2 Timer E). */
    public boolean reliable() {
        return reliable;
    }

    /** The token as written in a Via header ("UDP", "TCP"). */
    public String viaToken() {
        return name();
    }

    /** Maps a Via transport token or a transport= URI parameter; null if we do not serve it. */
    public static TransportProtocol fromToken(String token) {
        if (token == null) return null;
        return switch (token.toUpperCase(java.util.Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            default -> null;
        };
    }
}
