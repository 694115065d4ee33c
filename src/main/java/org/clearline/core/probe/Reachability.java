package org.clearline.core.probe;

import org.clearline.transport.Peer;

/**
 * What an out-of-dialog OPTIONS (RFC 3261 §11) to a phone told us. Any final
 * response, even 404, 405 or 501, proves that the phone received the request
 * and could answer: only silence and failures to send mean "unreachable".
 */
public sealed interface Reachability {

    /** True when something answered at the destination. */
    default boolean reachable() {
        return this instanceof Answered || this instanceof Malformed;
    }

    /**
     * A final response came back.
     *
     * @param destination     where the OPTIONS went
     * @param status          its status code
     * @param reason          its reason phrase
     * @param roundTripMillis from sending the request to receiving the response
     * @param allow           the Allow header (§20.5), null when absent
     * @param userAgent       the User-Agent header (§20.41), null when absent
     * @param server          the Server header (§20.35), null when absent
     */
    record Answered(Peer destination, int status, String reason, long roundTripMillis, String allow,
                    String userAgent, String server) implements Reachability {}

    /**
     * No final response within {@code waitedMillis}: the diagnosis's wait, or
     * Timer F (§17.1.2.2) when that is shorter.
     */
    record TimedOut(Peer destination, long waitedMillis) implements Reachability {}

    /** The request could not be sent (§8.1.3.1): name not resolved, connection refused, bad address. */
    record Unsendable(Peer destination, String problem) implements Reachability {}

    /** Something answered, but with a response that does not parse (§21.5.3 would make it a 502). */
    record Malformed(Peer destination, String problem, long roundTripMillis) implements Reachability {}

    /** No OPTIONS was sent: the probe limits said no, or the binding cannot be probed at all. */
    record NotProbed(String reason) implements Reachability {}
}
