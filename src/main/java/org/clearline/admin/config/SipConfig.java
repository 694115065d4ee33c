package org.clearline.admin.config;

import java.util.Optional;

/**
 * The {@code server.sip} section.
 *
 * @param listen    IP address to bind (UDP and TCP), "0.0.0.0" for all IPv4 interfaces
 * @param port      port to bind, 5060 by default (§18.1.1)
 * @param advertise the host or address written into Via and Record-Route when the
 *                  bound address is not what peers should use (behind NAT, or 0.0.0.0)
 */
public record SipConfig(String listen, int port, Optional<String> advertise) {
    public static final SipConfig DEFAULT = new SipConfig("0.0.0.0", 5060, Optional.empty());

    /** The same section with another port (the CLI's --sip-port). */
    public SipConfig withPort(int newPort) {
        return new SipConfig(listen, newPort, advertise);
    }
}
