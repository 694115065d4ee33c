package org.clearline.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Trace.CALLEE;
import static org.clearline.analyzer.Trace.PHONE;
import static org.clearline.analyzer.Trace.PROXY;
import static org.clearline.analyzer.Trace.invite;
import static org.clearline.analyzer.Trace.request;
import static org.clearline.analyzer.Trace.response;
import static org.clearline.analyzer.Trace.sdp;

import java.util.List;
import org.clearline.analyzer.Trace;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;

/** Each trace-only finding on a hand-written trace, and the situations the final answers stand for. */
class DiagnoserTest {
    private static final String PCMU = "0 PCMU/8000";
    private static final String G722 = "9 G722/8000";

    @Test
    void anAnsweredCallHasNoProblem() {
        String inv = invite("ok@x", 1, "z9hG4bK1", sdp("192.0.2.10", PCMU));
        String ok = response(200, "OK", inv, "b1", "Contact: <sip:bob@198.51.100.20>");
        Diagnosis d = new Trace()
                .send(PHONE, PROXY, inv).send(PROXY, PHONE, response(180, "Ringing", inv, "b1")).send(PROXY, PHONE, ok)
                .send(PHONE, PROXY, request("ACK", "sip:bob@198.51.100.20", "ok@x", 1, "z9hG4bK2", "b1"))
                .at(5).send(PHONE, PROXY, request("BYE", "sip:bob@198.51.100.20", "ok@x", 2, "z9hG4bK3", "b1"))
                .send(PROXY, PHONE, response(200, "OK", request("BYE", "sip:bob@198.51.100.20", "ok@x", 2, "z9hG4bK3", "b1"), null))
                .only();
        assertThat(d.kind()).isEqualTo(CallKind.CALL);
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.problem()).isFalse();
        assertThat(d.findings()).isEmpty();
        assertThat(d.situation()).isNull();
    }

    @Test
    void aRequestResentWithoutAnyAnswerIsTheTimeoutStory() {
        String inv = invite("silent@x", 1, "z9hG4bK1");
        Trace t = new Trace();
        double[] timerA = {0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5};
        for (double s : timerA) t.at(s).send(PHONE, CALLEE, inv);
        Diagnosis d = t.only();
        assertThat(d.outcome()).isEqualTo(Outcome.NO_RESPONSE);
        assertThat(d.situation()).isEqualTo(Situation.CALLEE_NO_ANSWER);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.NO_RESPONSE);
            assertThat(f.facts()).containsEntry("target", "198.51.100.20:5060").containsEntry("copies", "7")
                    .containsEntry("seconds", "31.5").containsEntry("method", "INVITE");
        });
    }

    @Test
    void oneRequestWithoutAnswerOverUdpIsNoFindingYet() {
        Diagnosis d = new Trace().send(PHONE, CALLEE, invite("once@x", 1, "z9hG4bK1")).only();
        assertThat(d.outcome()).isEqualTo(Outcome.UNFINISHED);
        assertThat(d.problem()).isFalse();
    }

    @Test
    void aProxysUnansweredHopExplainsItsTimeoutToTheCaller() {
        String inv = invite("hop@x", 1, "z9hG4bK1");
        String forwarded = inv.replace("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1",
                "Via: SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKp1\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1");
        Trace t = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, response(100, "Trying", inv, null));
        for (double s : new double[] {0, 0.5, 1.5, 3.5}) t.at(s).send(PROXY, CALLEE, forwarded);
        Diagnosis d = t.at(32).send(PROXY, PHONE, response(408, "Request Timeout", inv, "p1")).only();
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.code()).isEqualTo(408);
        assertThat(d.situation()).isEqualTo(Situation.CALLEE_NO_ANSWER);
        assertThat(d.findings()).extracting(Finding::kind).containsExactly(FindingKind.NO_RESPONSE);
        assertThat(d.findings().getFirst().facts()).containsEntry("target", "198.51.100.20:5060");
    }

    @Test
    void credentialsChallengedAgainAreTheWrongPasswordLoop() {
        String r1 = request("REGISTER", "sip:example.com", "reg@x", 1, "z9hG4bK1", null);
        String challenge = "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\"";
        String r2 = request("REGISTER", "sip:example.com", "reg@x", 2, "z9hG4bK2", null,
                "Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"n1\", uri=\"sip:example.com\", response=\"0\"");
        String r3 = r2.replace("z9hG4bK2", "z9hG4bK3").replace("CSeq: 2", "CSeq: 3");
        Diagnosis d = new Trace()
                .send(PHONE, PROXY, r1).send(PROXY, PHONE, response(401, "Unauthorized", r1, "r", challenge))
                .send(PHONE, PROXY, r2).send(PROXY, PHONE, response(401, "Unauthorized", r2, "r", challenge))
                .send(PHONE, PROXY, r3).send(PROXY, PHONE, response(401, "Unauthorized", r3, "r", challenge))
                .only();
        assertThat(d.kind()).isEqualTo(CallKind.REGISTRATION);
        assertThat(d.situation()).isEqualTo(Situation.AUTH_WRONG_CREDENTIALS);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.AUTH_LOOP);
            assertThat(f.facts()).containsEntry("user", "alice").containsEntry("attempts", "2").containsEntry("code", "401");
        });
    }

    @Test
    void aChallengeAnsweredSuccessfullyOrWithAStaleNonceIsNoFinding() {
        String r1 = request("REGISTER", "sip:example.com", "reg@x", 1, "z9hG4bK1", null);
        String auth = "Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"n1\", uri=\"sip:example.com\", response=\"0\"";
        String r2 = request("REGISTER", "sip:example.com", "reg@x", 2, "z9hG4bK2", null, auth);
        String r3 = request("REGISTER", "sip:example.com", "reg@x", 3, "z9hG4bK3", null, auth);
        Diagnosis d = new Trace()
                .send(PHONE, PROXY, r1).send(PROXY, PHONE, response(401, "Unauthorized", r1, "r",
                        "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\""))
                .send(PHONE, PROXY, r2).send(PROXY, PHONE, response(401, "Unauthorized", r2, "r",
                        "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n2\", stale=true"))
                .send(PHONE, PROXY, r3).send(PROXY, PHONE, response(200, "OK", r3, "r"))
                .only();
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.problem()).isFalse();
    }

    @Test
    void aCallRefusedWith488ShowsOfferedAndAcceptedCodecs() {
        String inv = invite("codec@x", 1, "z9hG4bK1", sdp("192.0.2.10", PCMU, "8 PCMA/8000", "101 telephone-event/8000"));
        String refused = response(488, "Not Acceptable Here", inv, "b1", concat(
                new String[] {"Warning: 305 callee \"Incompatible media format\""}, sdp("198.51.100.20", G722)));
        Diagnosis d = new Trace().send(PHONE, CALLEE, inv).send(CALLEE, PHONE, refused).only();
        assertThat(d.situation()).isEqualTo(Situation.MEDIA_CODEC_NOT_ALLOWED);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CODEC_MISMATCH);
            assertThat(f.facts()).containsEntry("offered", "PCMU, PCMA").containsEntry("accepted", "G722")
                    .containsEntry("warning", "305 callee \"Incompatible media format\"");
        });
    }

    @Test
    void clearlinesWarningNamesTheAcceptedCodecsAndSrtpIsItsOwnSituation() {
        String inv = invite("codec@x", 1, "z9hG4bK1", sdp("192.0.2.10", PCMU));
        Diagnosis d = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, response(488, "Not Acceptable Here", inv,
                "p", "Warning: 305 demo.test \"Incompatible media format: offered PCMU, accepted G722 OPUS\"")).only();
        assertThat(d.findings().getFirst().facts()).containsEntry("accepted", "G722, OPUS");
        d = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, response(488, "Not Acceptable Here", inv,
                "p", "Warning: 305 demo.test \"Incompatible media format: this line requires SRTP\"")).only();
        assertThat(d.situation()).isEqualTo(Situation.MEDIA_SRTP_REQUIRED);
    }

    @Test
    void a482WithARepeatedViaShowsTheLoop() {
        String inv = invite("loop@x", 1, "z9hG4bK1").replace("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1",
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP p1.example.com;branch=z9hG4bKb\r\n"
                        + "Via: SIP/2.0/UDP p2.example.com;branch=z9hG4bKc\r\nVia: SIP/2.0/UDP P1.example.com;branch=z9hG4bKa");
        Diagnosis d = new Trace().send(PHONE, CALLEE, inv).send(CALLEE, PHONE, response(482, "Loop Detected", inv, "x")).only();
        assertThat(d.situation()).isEqualTo(Situation.REQUEST_LOOP);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.VIA_LOOP);
            assertThat(f.facts().get("hop")).isEqualToIgnoringCase("p1.example.com");
            assertThat(f.facts().get("vias")).isEqualTo(
                    "192.0.2.10:5060 <- p1.example.com <- p2.example.com <- P1.example.com");
        });
    }

    @Test
    void a482WithoutAViaLoopIsAForwardingLoop() {
        String inv = invite("fwd@x", 1, "z9hG4bK1");
        Diagnosis d = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, response(482, "Loop Detected", inv, "x")).only();
        assertThat(d.situation()).isEqualTo(Situation.FORWARD_LOOP);
        assertThat(d.findings()).isEmpty();
        assertThat(d.label()).isEqualTo("forward.loop");
    }

    @Test
    void aRedirectNobodyFollowedIsAFinding() {
        String inv = invite("moved@x", 1, "z9hG4bK1");
        Diagnosis d = new Trace().send(PHONE, PROXY, inv)
                .send(PROXY, PHONE, response(302, "Moved Temporarily", inv, "p", "Contact: <sip:carol@192.0.2.99>"))
                .send(PHONE, PROXY, request("ACK", "sip:bob@example.com", "moved@x", 1, "z9hG4bK1", "p"))
                .only();
        assertThat(d.outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(d.situation()).isEqualTo(Situation.CALLEE_MOVED_TEMPORARILY);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.REDIRECT_NOT_FOLLOWED);
            assertThat(f.facts()).containsEntry("code", "302").containsEntry("contacts", "sip:carol@192.0.2.99");
        });
    }

    @Test
    void aRedirectFollowedInTheSameOrANewCallIsNoFinding() {
        String inv = invite("moved@x", 1, "z9hG4bK1");
        String moved = response(301, "Moved Permanently", inv, "p", "Contact: <sip:carol@192.0.2.99;transport=udp>");
        String again = request("INVITE", "sip:carol@192.0.2.99", "moved@x", 2, "z9hG4bK2", null);
        Diagnosis same = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, moved).send(PHONE, CALLEE, again)
                .send(CALLEE, PHONE, response(200, "OK", again, "c")).only();
        assertThat(same.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(same.problem()).isFalse();
        List<Diagnosis> two = new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, moved)
                .send(PHONE, CALLEE, request("INVITE", "sip:carol@192.0.2.99", "new@x", 1, "z9hG4bK9", null))
                .diagnose();
        assertThat(two).filteredOn(d -> d.code() == 301).singleElement()
                .satisfies(d -> assertThat(d.findings()).isEmpty());
    }

    @Test
    void a2xxResentWithoutAckAndTheByeAfter32sIsTheMissingAck() {
        String inv = invite("noack@x", 1, "z9hG4bK1");
        String ok = response(200, "OK", inv, "b1", "Contact: <sip:bob@10.0.0.5>");
        Trace t = new Trace().send(PHONE, CALLEE, inv);
        for (double s : new double[] {0.1, 0.6, 1.6, 3.6, 7.6, 11.6, 15.6, 19.6, 23.6, 27.6, 31.6}) {
            t.at(s).send(CALLEE, PHONE, ok);
        }
        String bye = "BYE sip:alice@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.20;branch=z9hG4bKbye\r\n"
                + "From: <sip:bob@example.com>;tag=b1\r\nTo: <sip:alice@example.com>;tag=a1\r\nCall-ID: noack@x\r\n"
                + "CSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        Diagnosis d = t.at(32.1).send(CALLEE, PHONE, bye).send(PHONE, CALLEE, response(200, "OK", bye, null)).only();
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.problem()).isTrue();
        // the 2xx names a private Contact the caller cannot reach: the likely cause, found too
        assertThat(d.findings()).extracting(Finding::kind).containsExactly(FindingKind.ACK_MISSING,
                FindingKind.PRIVATE_ADDRESS);
        assertThat(d.findings()).first().satisfies(f -> {
            assertThat(f.facts()).containsEntry("copies", "11").containsEntry("bye", "32.0")
                    .containsEntry("receiver", "192.0.2.10:5060");
        });
    }

    @Test
    void aPrivateAddressInSdpFromAPublicSenderIsTheNatStory() {
        String inv = invite("nat@x", 1, "z9hG4bK1", sdp("192.168.1.50", PCMU));
        Diagnosis d = new Trace().send(PHONE, PROXY, inv).only();
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.PRIVATE_ADDRESS);
            assertThat(f.facts()).containsEntry("where", "SDP c=").containsEntry("address", "192.168.1.50")
                    .containsEntry("sender", "192.0.2.10");
        });
    }

    @Test
    void aPrivateContactOrAViaReceivedAddressTellsTheSame() {
        String inv = invite("nat@x", 1, "z9hG4bK1", "Contact: <sip:alice@10.1.2.3:5060>");
        assertThat(new Trace().send(PHONE, PROXY, inv).only().findings().getFirst().facts())
                .containsEntry("where", "Contact").containsEntry("address", "10.1.2.3");
        String behind = invite("nat2@x", 1, "z9hG4bK1").replace("192.0.2.10:5060;branch=z9hG4bK1", "172.16.0.9:5060;branch=z9hG4bK1");
        String answer = response(100, "Trying", behind, null).replace(";branch=z9hG4bK1", ";branch=z9hG4bK1;received=203.0.113.4");
        Endpoint lan = new Endpoint("text", -1);
        assertThat(new Trace().send(lan, PROXY, behind).send(PROXY, lan, answer).only().findings().getFirst().facts())
                .containsEntry("where", "Via").containsEntry("address", "172.16.0.9").containsEntry("sender", "203.0.113.4");
    }

    @Test
    void privateAddressesInsideOnePrivateNetworkAreFine() {
        Endpoint lanPhone = new Endpoint("192.168.1.50", 5060);
        String inv = invite("lan@x", 1, "z9hG4bK1", sdp("192.168.1.50", PCMU));
        assertThat(new Trace().send(lanPhone, new Endpoint("192.168.1.1", 5060), inv).only().findings()).isEmpty();
    }

    @Test
    void aByeAnswered481IsAByeForAnUnknownDialog() {
        String bye = request("BYE", "sip:bob@198.51.100.20", "gone@x", 2, "z9hG4bK5", "b1");
        Diagnosis d = new Trace().send(PHONE, CALLEE, bye)
                .send(CALLEE, PHONE, response(481, "Call/Transaction Does Not Exist", bye, null)).only();
        assertThat(d.kind()).isEqualTo(CallKind.IN_DIALOG);
        assertThat(d.situation()).isEqualTo(Situation.DIALOG_UNKNOWN);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.BYE_UNKNOWN_DIALOG);
            assertThat(f.facts()).containsEntry("sender", "192.0.2.10:5060").containsEntry("receiver", "198.51.100.20:5060");
        });
    }

    @Test
    void aCancelCrossingThe200IsARace() {
        String inv = invite("race@x", 1, "z9hG4bK1");
        String cancel = request("CANCEL", "sip:bob@example.com", "race@x", 1, "z9hG4bK1", null);
        Diagnosis d = new Trace().send(PHONE, CALLEE, inv).send(CALLEE, PHONE, response(180, "Ringing", inv, "b1"))
                .at(2.000).send(PHONE, CALLEE, cancel)
                .at(2.040).send(CALLEE, PHONE, response(200, "OK", inv, "b1"))
                .send(CALLEE, PHONE, response(200, "OK", cancel, "b1"))
                .send(PHONE, CALLEE, request("ACK", "sip:bob@example.com", "race@x", 1, "z9hG4bK7", "b1"))
                .only();
        assertThat(d.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CANCEL_RACE);
            assertThat(f.facts()).containsEntry("after", "40");
        });
    }

    @Test
    void aCancelledCallIsNoProblem() {
        String inv = invite("gone@x", 1, "z9hG4bK1");
        String cancel = request("CANCEL", "sip:bob@example.com", "gone@x", 1, "z9hG4bK1", null);
        Diagnosis d = new Trace().send(PHONE, CALLEE, inv).send(PHONE, CALLEE, cancel)
                .send(CALLEE, PHONE, response(200, "OK", cancel, "b1"))
                .send(CALLEE, PHONE, response(487, "Request Terminated", inv, "b1")).only();
        assertThat(d.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(d.situation()).isEqualTo(Situation.CALL_CANCELLED);
        assertThat(d.problem()).isFalse();
    }

    @Test
    void situationsFollowTheEvidence() {
        assertThat(refusedWith(404, "Not Found", "sip:bob@example.com").situation()).isEqualTo(Situation.CALLEE_UNKNOWN);
        assertThat(refusedWith(404, "Not Found", "sip:+49301234567@example.com").situation())
                .isEqualTo(Situation.NUMBER_NO_ROUTE);
        assertThat(refusedWith(480, "Temporarily Unavailable", "sip:bob@x").situation()).isEqualTo(Situation.CALLEE_OFFLINE);
        assertThat(refusedWith(603, "Decline", "sip:bob@x").situation()).isEqualTo(Situation.CALLEE_REJECTED);
        assertThat(refusedWith(503, "Service Unavailable", "sip:bob@x").situation()).isEqualTo(Situation.CALLEE_UNREACHABLE);
        Diagnosis busy = refusedWith(486, "Busy Here", "sip:bob@x");
        assertThat(busy.situation()).isNull(); // a phone's busy: the code is explained in general
        assertThat(busy.label()).isEqualTo("code.486");
        assertThat(busy.result()).isEqualTo("486 Busy Here");
    }

    private static Diagnosis refusedWith(int code, String reason, String uri) {
        String inv = request("INVITE", uri, "r@x", 1, "z9hG4bK1", null);
        return new Trace().send(PHONE, PROXY, inv).send(PROXY, PHONE, response(code, reason, inv, "p")).only();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
