package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.contact;
import static org.clearline.features.Decisions.warning;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;

/**
 * The calls of issue 4's "How we will know" that the routing chain decides,
 * on the demo provisioning: the same situations the interop tests expect.
 */
class DemoCallsTest {
    private static final String[] PCMU_OFFER = {"v=0", "o=user1 53655765 2353687637 IN IP4 127.0.0.1", "s=-",
        "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 6000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000"};
    private static final String[] G722_OFFER = {"v=0", "o=- 20518 0 IN IP4 192.0.2.41", "s=SDP data",
        "c=IN IP4 192.0.2.41", "t=0 0", "m=audio 11780 RTP/AVP 9 101", "a=rtpmap:9 G722/8000",
        "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv"};

    private final Provider provider = Provider.demo();

    private Invite alice(String user) {
        return provider.invite("sip:" + user + "@" + DOMAIN).from("alice");
    }

    @Test
    void aliceMayNotCallNewYork() {
        assertRejected(alice("+12125550100").route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void aNumberNobodyHasIs404() {
        assertRejected(alice("03012345099").route(), Situation.NUMBER_NO_ROUTE);
    }

    @Test
    void carolIsNotDisturbed() {
        assertRejected(alice("carol").route(), Situation.CALLEE_DND);
    }

    @Test
    void daveTakesOneCallAtATime() {
        assertThat(branches(alice("dave").callId("first").route()))
                .containsExactly(phone("dave", 1) + " | dave: phone 1 | CONTACT");
        assertRejected(provider.invite("sip:dave@" + DOMAIN).from("bob").callId("second").route(),
                Situation.CALLEE_CALL_LIMIT);
    }

    @Test
    void erinAndFrankRedirect() {
        assertRejected(alice("erin").route(), Situation.CALLEE_MOVED_PERMANENTLY,
                contact("sip:+493012345002@" + DOMAIN));
        assertRejected(alice("frank").route(), Situation.CALLEE_MOVED_TEMPORARILY,
                contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void graceIsALoop() {
        assertRejected(alice("grace").route(), Situation.FORWARD_LOOP);
    }

    @Test
    void ivanDeclinesAlice() {
        assertRejected(alice("ivan").route(), Situation.CALLEE_REJECTED);
    }

    @Test
    void judyTakesG722Only() {
        assertRejected(alice("judy").sdp(PCMU_OFFER).route(), Situation.MEDIA_CODEC_NOT_ALLOWED,
                warning("305 " + DOMAIN + " \"Incompatible media format: offered PCMU, accepted G722\""));
        assertThat(branches(alice("judy").sdp(G722_OFFER).route()))
                .containsExactly(phone("judy", 1) + " | judy: phone 1 | CONTACT");
    }

    @Test
    void kenNeverRegisters() {
        assertRejected(alice("ken").route(), Situation.CALLEE_OFFLINE);
    }

    @Test
    void bobAndPeggyRing() {
        assertThat(branches(alice("bob").route())).containsExactly(phone("bob", 1) + " | bob: phone 1 | CONTACT");
        assertThat(branches(alice("+493012345012").route()))
                .containsExactly(phone("peggy", 1) + " | peggy: phone 1 | CONTACT");
    }

    @Test
    void theThreeTrunksGetTheirNumbers() {
        assertThat(branches(alice("+4940123456").route()))
                .containsExactly("sip:+4940123456@127.0.0.1:5081;transport=tcp;user=phone | trunk broken | TRUNK");
        assertThat(branches(alice("+4969123456").route()))
                .containsExactly("sip:+4969123456@127.0.0.1:5082;user=phone | trunk garbled | TRUNK");
        assertThat(branches(alice("+4989123456").route()))
                .containsExactly("sip:+4989123456@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
    }
}
