package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.MessageFacts;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.analyzer.input.IpAddresses;

/**
 * A private address (RFC 1918, RFC 6598, link-local, RFC 4193) written into a
 * message that was sent from an address outside those ranges: the sender is
 * behind NAT (or relays such a message) and the other side will send media to
 * the SDP {@code c=} address, or requests to the Contact, where nothing can
 * reach: one-way or no audio, calls that drop, calls that never arrive. The
 * same holds when a server marked a Via with a received address that differs
 * from a private sent-by (§18.2.1). Traffic inside one private network is no
 * finding.
 */
final class PrivateAddressRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        for (TraceMessage m : call.messages) {
            MessageFacts f = m.facts();
            String sender = m.source().isIpAddress() ? m.source().host() : null;
            if (sender != null && !IpAddresses.isPrivate(sender)) {
                if (f.sdp() != null) {
                    for (String a : f.sdp().addresses()) {
                        if (IpAddresses.isPrivate(a) && !a.equals(sender)) {
                            add(out, "SDP c=", a, sender);
                            return;
                        }
                    }
                }
                for (String contact : f.contacts()) {
                    String host = host(contact);
                    if (host != null && IpAddresses.isPrivate(host) && !host.equals(sender)) {
                        add(out, "Contact", host, sender);
                        return;
                    }
                }
            }
            if (!m.isRequest() && f.viaReceived() != null && !f.vias().isEmpty()) {
                String sentBy = host(f.vias().getFirst());
                if (sentBy != null && IpAddresses.isPrivate(sentBy) && !sentBy.equals(f.viaReceived())
                        && !IpAddresses.isPrivate(f.viaReceived())) {
                    add(out, "Via", sentBy, f.viaReceived());
                    return;
                }
            }
        }
    }

    private static void add(List<Finding> out, String where, String address, String sender) {
        out.add(new Finding(FindingKind.PRIVATE_ADDRESS, null, Map.of("where", where, "address", address,
                "sender", sender)));
    }

    /** The host of "sip:user@host:port;params", of "host:port", or of "[v6]:port"; null when there is none. */
    static String host(String uriOrSentBy) {
        String s = uriOrSentBy;
        int scheme = s.indexOf(':');
        if (s.startsWith("sip:") || s.startsWith("sips:")) s = s.substring(scheme + 1);
        int at = s.indexOf('@');
        if (at >= 0) s = s.substring(at + 1);
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close > 0 ? s.substring(1, close) : null;
        }
        int end = s.length();
        for (char c : new char[] {':', ';', '?', '>'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return end == 0 ? null : s.substring(0, end);
    }
}
