package org.clearline.admin.config;

import java.util.List;
import java.util.Optional;

/**
 * One SIP trunk (gateway) from the {@code trunks} section.
 *
 * @param name      unique name, shown in logs and explanations
 * @param host      the carrier's server (IP address or host name)
 * @param port      its port
 * @param transport "udp" or "tcp"
 * @param username  for the carrier's 401/407 challenges, if it sends any
 * @param password  likewise
 * @param prefixes  E.164 prefixes routed to this trunk
 */
public record TrunkConfig(String name, String host, int port, String transport, Optional<String> username,
                          Optional<String> password, List<String> prefixes) {
    public TrunkConfig {
        prefixes = List.copyOf(prefixes);
    }

    @Override
    public String toString() {
        return "TrunkConfig[" + name + " " + transport + ":" + host + ":" + port + " " + prefixes + "]";
    }
}
