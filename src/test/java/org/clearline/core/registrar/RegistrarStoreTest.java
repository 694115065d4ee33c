package org.clearline.core.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.BOB_DESK;

import java.io.IOException;
import java.util.List;
import org.clearline.core.Phone;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.store.Registration;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar and its durable store: a 200 OK promises the binding survives a
 * crash, so it goes out only after the store's commit, and a failed commit is a
 * 503 that changes nothing.
 */
class RegistrarStoreTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
    }

    /** Sends an authenticated REGISTER and returns what the server sent right away (maybe nothing). */
    private List<Sent> send(Phone p, String callId, int cseq, String... lines) {
        h.credentials(p, "REGISTER", RegistrarTest.URI); // fetch a challenge now, not in the middle of the test
        String[] all = new String[lines.length + 8];
        all[0] = "REGISTER " + RegistrarTest.URI + " SIP/2.0";
        all[1] = p.via(h.branch());
        all[2] = "Max-Forwards: 70";
        all[3] = "From: <" + p.aor() + ">;tag=" + h.tag();
        all[4] = "To: <" + p.aor() + ">";
        all[5] = "Call-ID: " + callId;
        all[6] = "CSeq: " + cseq + " REGISTER";
        all[7] = "Authorization: " + h.credentials(p, "REGISTER", RegistrarTest.URI);
        System.arraycopy(lines, 0, all, 8, lines.length);
        h.send(p, Sip.message(all));
        return h.take();
    }

    private long now() {
        return h.clock.epochMillis();
    }

    @Test
    void the_200_waits_for_the_store_commit() {
        h.store.hold();
        assertThat(send(ALICE, "r@a", 1, "Contact: <" + ALICE.contactUri() + ">")).isEmpty();
        assertThat(h.store.pendingWrites()).isEqualTo(1);
        assertThat(h.location.lookup("alice", now())).isEmpty();
        h.settle();
        assertThat(h.take()).isEmpty();

        h.store.commitNext();
        h.settle();
        SipResponse ok = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headerValues("Contact")).containsExactly("<sip:alice@192.0.2.10:5060>;expires=3600");
        assertThat(h.location.lookup("alice", now())).hasSize(1);
    }

    @Test
    void a_failed_commit_is_503_with_retry_after_and_binds_nothing() {
        h.store.hold();
        send(ALICE, "r@a", 1, "Contact: <" + ALICE.contactUri() + ">");
        h.store.failNext(new IOException("disk full"));
        h.settle();

        SipResponse r = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.reason()).isEqualTo("Service Unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(h.location.lookup("alice", now())).isEmpty();
        assertThat(h.store.rows()).isEmpty();

        // the phone retries and the store works again
        send(ALICE, "r@a", 2, "Contact: <" + ALICE.contactUri() + ">");
        h.store.commitNext();
        h.settle();
        assertThat(ProxyHarness.lastResponseTo(h.take(), ALICE.peer()).status()).isEqualTo(200);
    }

    @Test
    void two_devices_registering_at_the_same_time_both_stay_bound() {
        h.store.hold();
        send(BOB, "desk@b", 1, "Contact: <" + BOB.contactUri() + ">");
        send(BOB_DESK, "soft@b", 1, "Contact: <" + BOB_DESK.contactUri() + ">");
        assertThat(h.store.pendingWrites()).isEqualTo(2);

        h.store.commitNext();
        h.store.commitNext();
        h.settle();
        List<Sent> out = h.take();

        // both are in the store, so both must be in the location table and in the last 200 (§10.3 step 8)
        assertThat(h.store.rows()).hasSize(2);
        assertThat(h.location.lookup("bob", now())).extracting(Registration::contact)
                .containsExactlyInAnyOrder(BOB.contactUri(), BOB_DESK.contactUri());
        SipResponse second = ProxyHarness.lastResponseTo(out, BOB_DESK.peer());
        assertThat(second.headerValues("Contact")).containsExactlyInAnyOrder(
                "<sip:bob@192.0.2.20:5060>;expires=3600", "<sip:bob@192.0.2.21:5062>;expires=3600");
    }
}
