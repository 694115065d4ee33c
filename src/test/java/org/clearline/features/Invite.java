package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.store.Account;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.transport.Inbound;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.Peer;
import org.clearline.transport.TransportProtocol;

/**
 * One initial request as a phone puts it on the wire, parsed by our own parser
 * and handed to the routing chain the way the proxy core does after
 * authentication: {@code from("alice")} is an authenticated local caller,
 * {@code fromElsewhere(uri)} a caller of another domain (no account).
 */
final class Invite {
    private static final MessageParser PARSER = new MessageParser(SyntaxLimits.DEFAULT);

    private final Provider provider;
    private final String method;
    private final String requestUri;
    private String from;
    private Account caller;
    private String callId = "a84b4c76e66710@198.51.100.7";
    private String toTag;
    private final List<String> headers = new ArrayList<>();
    private String contentType;
    private String body;

    Invite(Provider provider, String method, String requestUri) {
        this.provider = provider;
        this.method = method;
        this.requestUri = requestUri;
        from("alice");
    }

    /** From an authenticated line of ours. */
    Invite from(String sipId) {
        this.caller = provider.accountOf(sipId);
        if (caller == null) throw new IllegalArgumentException("no account " + sipId);
        this.from = "\"" + sipId + "\" <sip:" + sipId + "@" + Provider.DOMAIN + ">";
        return this;
    }

    /** From a caller of another domain (or an anonymous one): the core authenticated nobody. */
    Invite fromElsewhere(String fromValue) {
        this.caller = null;
        this.from = fromValue;
        return this;
    }

    Invite callId(String id) {
        this.callId = id;
        return this;
    }

    /** A request inside a dialog: the To carries the callee's tag (§12.2.1.1). */
    Invite withToTag() {
        this.toTag = "8321234356";
        return this;
    }

    Invite header(String line) {
        headers.add(line);
        return this;
    }

    Invite sdp(String... lines) {
        return body("application/sdp", String.join("\r\n", lines) + "\r\n");
    }

    Invite body(String type, String text) {
        this.contentType = type;
        this.body = text;
        return this;
    }

    String text() {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhds;rport\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: ").append(from).append(";tag=1928301774\r\n")
                .append("To: <").append(requestUri).append(">").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: 314159 ").append(method).append("\r\n")
                .append("Contact: <sip:caller@198.51.100.7:5060>\r\n");
        for (String h : headers) sb.append(h).append("\r\n");
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) sb.append("Content-Type: ").append(contentType).append("\r\n");
        sb.append("Content-Length: ").append(b.length).append("\r\n\r\n");
        if (body != null) sb.append(body);
        return sb.toString();
    }

    SipRequest parse() {
        ParseResult r = PARSER.parse(text().getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("parse of\n%s", text()).isInstanceOf(ParseResult.Success.class);
        return (SipRequest) ((ParseResult.Success) r).message();
    }

    RoutingRequest request() {
        SipRequest req = parse();
        Inbound in = new Inbound(req, Peer.udp("198.51.100.7", 5060),
                new ListeningPoint(TransportProtocol.UDP, Provider.SERVER, 5060), 0, text().length());
        return new RoutingRequest(req, in, caller, Provider.NOW);
    }

    /** Routes through a fresh chain over the provider as it is now. */
    Routing route() {
        return provider.chain().route(request());
    }

    /** Routes through {@code chain} (to share its forwarding state across calls). */
    Routing route(RoutingChain chain) {
        return chain.route(request());
    }
}
