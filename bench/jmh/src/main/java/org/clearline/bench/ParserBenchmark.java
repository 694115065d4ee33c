package org.clearline.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.StreamFramer;
import org.clearline.syntax.SyntaxLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second through the syntax layer for the two messages a
 * registrar/proxy sees most: an INVITE with an SDP offer and a REGISTER with
 * Digest credentials. "parse" is what the transport does for each datagram
 * (including the eager validation of Via, From, To, Call-ID, CSeq, Contact...);
 * "parseAndEncode" adds writing it back out, as a proxy forwarding it would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    static final String INVITE = String.join("\r\n",
            "INVITE sip:bob@biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport",
            "Max-Forwards: 70",
            "To: Bob <sip:bob@biloxi.example.com>",
            "From: \"Alice\" <sip:alice@atlanta.example.com>;tag=1928301774",
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
            "CSeq: 314159 INVITE",
            "Contact: <sip:alice@pc33.atlanta.example.com:5060;transport=udp>",
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY",
            "Supported: replaces, timer, 100rel",
            "User-Agent: Clearline-Bench/1.0",
            "Content-Type: application/sdp",
            "Content-Length: %d",
            "",
            "%s");
    static final String SDP = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com",
            "s=-",
            "c=IN IP4 192.0.2.101",
            "t=0 0",
            "m=audio 49172 RTP/AVP 0 8 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-16",
            "a=sendrecv",
            "");
    static final String REGISTER = String.join("\r\n",
            "REGISTER sip:registrar.biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/UDP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7;rport",
            "Max-Forwards: 70",
            "To: Bob <sip:bob@biloxi.example.com>",
            "From: Bob <sip:bob@biloxi.example.com>;tag=456248",
            "Call-ID: 843817637684230@998sdasdh09",
            "CSeq: 1827 REGISTER",
            "Contact: <sip:bob@192.0.2.4:5060;transport=udp>;expires=3600;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"",
            "Authorization: Digest username=\"bob\", realm=\"biloxi.example.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                    + " uri=\"sip:registrar.biloxi.example.com\", response=\"6629fae49393a05397450978507c4ef1\","
                    + " algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001, opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            "Expires: 3600",
            "User-Agent: Clearline-Bench/1.0",
            "Content-Length: 0",
            "",
            "");

    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);
    private final StreamFramer framer = new StreamFramer(SyntaxLimits.DEFAULT);
    private byte[] invite;
    private byte[] register;

    @Setup
    public void setup() {
        invite = String.format(INVITE, SDP.length(), SDP).getBytes(StandardCharsets.ISO_8859_1);
        register = REGISTER.getBytes(StandardCharsets.ISO_8859_1);
        // refuse to measure a parser that rejects the messages
        if (!(parser.parse(invite) instanceof ParseResult.Success) || !(parser.parse(register) instanceof ParseResult.Success)) {
            throw new IllegalStateException("benchmark messages do not parse");
        }
    }

    @Benchmark
    public ParseResult parseInvite() {
        return parser.parse(invite);
    }

    @Benchmark
    public ParseResult parseRegister() {
        return parser.parse(register);
    }

    @Benchmark
    public byte[] parseAndEncodeInvite() {
        return ((ParseResult.Success) parser.parse(invite)).message().encode();
    }

    @Benchmark
    public StreamFramer.Frame frameInvite() {
        return framer.next(invite, 0, invite.length);
    }

    @Benchmark
    public Object parseRegisterAndReadContact() {
        SipMessage m = ((ParseResult.Success) parser.parse(register)).message();
        return m.addressList("Contact").get(0).params().get("expires");
    }
}
