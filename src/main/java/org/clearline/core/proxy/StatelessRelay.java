package org.clearline.core.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.clearline.core.LocalIdentity;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;
import org.clearline.transport.Hosts;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SendListener;
import org.clearline.transport.TransportLayer;
import org.clearline.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the proxy passes on without a transaction (§16.11): the ACK for a
 * 2xx, which is end to end, and responses that match no client transaction of
 * ours (§16.7 step 1), such as a 2xx retransmitted after our transaction ended.
 */
public final class StatelessRelay {
    private static final Logger log = LoggerFactory.getLogger(StatelessRelay.class);

    private final LocalIdentity identity;
    private final Forwarder forwarder;
    private final TransportLayer transport;

    StatelessRelay(LocalIdentity identity, Forwarder forwarder, TransportLayer transport) {
        this.identity = identity;
        this.forwarder = forwarder;
        this.transport = transport;
    }

    /** ACK for a 2xx: follow its Route set (ours removed) to the next hop. */
    void relayAck(Inbound in) {
        SipRequest received = (SipRequest) in.message();
        SipRequest ack = received.copy();
        if (!RoutePreprocessing.apply(ack, identity)) return;
        if (ack.maxForwards() == 0) return; // §16.3 step 3: nobody to answer an ACK; drop it
        boolean routed = ack.hasHeader(HeaderNames.ROUTE) || !identity.isThisServer(ack.requestUri());
        if (!routed) return; // an ACK for a 2xx that was ours to absorb (none are: we are no UA)
        // §12.2.1.1, §16.4: the ACK of a 2xx in a dialog we record-routed comes through our own
        // Route entry (just removed); without one we would relay ACKs anywhere for anyone
        if (received.addressList(HeaderNames.ROUTE).size() == ack.addressList(HeaderNames.ROUTE).size()) return;
        Forwarder.Prepared p = forwarder.prepare(ack, null, false, in.source().protocol());
        if (p == null) return;
        // §16.11: a stateless branch must be the same for a retransmitted ACK
        Via up = ack.topVia();
        String hash = LoopDetection.hash(ack) + Integer.toHexString(up == null ? 0 : String.valueOf(up.branch()).hashCode());
        forwarder.resolve(p.nextHop()).whenComplete((peer, err) -> {
            if (err != null) {
                log.debug("ACK {} dropped: next hop {} unresolvable", ack.callId(), p.nextHop());
                return;
            }
            forwarder.addVia(p.request(), peer, org.clearline.syntax.Via.MAGIC_COOKIE + "cls" + hash);
            transport.send(p.request(), peer, SendListener.IGNORE);
        });
    }

    /** A response no transaction wanted: if the top Via is ours, pass it to the next Via. */
    void relayResponse(Inbound in) {
        SipResponse r = (SipResponse) in.message();
        if (!forwarder.isOurVia(r.topVia())) return; // §16.7 step 1 / §18.1.2: not ours, drop
        SipResponse copy = r.copy();
        copy.removeFirstValue(HeaderNames.VIA);
        sendUpstream(copy, null);
    }

    /** Sends a response to where its (new) top Via says (§18.2.2), without a server transaction. */
    void sendUpstream(SipResponse response, Peer requestSource) {
        Via next = response.topVia();
        if (next == null) return;
        Peer peer = requestSource != null ? requestSource : peerOf(next);
        if (peer == null) {
            log.debug("response {} dropped: Via {} names no address we can use", response.callId(), next);
            return;
        }
        transport.send(response, peer, SendListener.IGNORE);
    }

    /** received (or an IP sent-by) and rport (or the sent-by port) of a Via; never a DNS look-up. */
    static Peer peerOf(Via via) {
        String host = via.received() != null ? via.received() : via.host();
        InetAddress a = Hosts.literal(host);
        if (a == null || a.isAnyLocalAddress() || isBroadcast(a)) return null;
        int port = via.rport() > 0 ? via.rport() : (via.port() > 0 ? via.port() : 5060);
        TransportProtocol p = TransportProtocol.fromToken(via.transport());
        return Peer.of(p == null ? TransportProtocol.UDP : p, new InetSocketAddress(a, port));
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255
                && (b[3] & 0xff) == 255;
    }
}
