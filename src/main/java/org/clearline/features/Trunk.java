package org.clearline.features;

import java.util.List;
import org.clearline.core.routing.Target;
import org.clearline.transport.TransportProtocol;

/**
 * A SIP trunk (gateway) to another network.
 *
 * @param name        shown in logs and explanations
 * @param host        IP literal or host name of the carrier's server
 * @param port        its port
 * @param transport   UDP or TCP
 * @param credentials what we answer the carrier's 401/407 with, or null
 * @param prefixes    E.164 prefixes routed to this trunk ("+4989")
 */
public record Trunk(String name, String host, int port, TransportProtocol transport, Target.Credentials credentials,
                    List<String> prefixes) {
    public Trunk {
        prefixes = List.copyOf(prefixes);
    }
}
