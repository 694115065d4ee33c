package org.clearline.transport;

/**
 * One local socket we receive on, and the address we advertise for it in Via,
 * Record-Route and Contact ({@code host} is an IP literal, IPv6 in brackets).
 */
public record ListeningPoint(TransportProtocol protocol, String host, int port) {
    /** "host:port" */
    public String hostPort() {
        return host + ':' + port;
    }
}
