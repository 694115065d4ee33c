package org.clearline.core.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;

import org.clearline.core.Phone;
import org.clearline.core.ProxyHarness;
import org.clearline.store.Registration;
import org.clearline.syntax.SipResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §10.3 steps 6 and 7: within one Call-ID a REGISTER changes bindings only if its
 * CSeq is higher than theirs; otherwise "the update MUST be aborted and the
 * request fails", so an old or repeated REGISTER neither changes anything nor
 * gets a 200 that would claim it did.
 */
class RegistrarCSeqTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
    }

    private SipResponse register(Phone p, String callId, int cseq, String... lines) {
        return RegistrarTest.register(h, p, callId, cseq, lines);
    }

    private long now() {
        return h.clock.epochMillis();
    }

    @Test
    void an_older_cseq_of_the_same_call_id_does_not_change_the_binding() {
        register(ALICE, "r@a", 5, "Contact: <" + ALICE.contactUri() + ">", "Expires: 3600");
        Registration before = h.location.lookup("alice", now()).get(0);

        SipResponse r = register(ALICE, "r@a", 4, "Contact: <" + ALICE.contactUri() + ">", "Expires: 0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(h.location.lookup("alice", now())).containsExactly(before);
        assertThat(h.store.rows()).containsExactly(before);

        // the same CSeq again is no newer either (§10.3 step 7: "higher" is required)
        r = register(ALICE, "r@a", 5, "Contact: <" + ALICE.contactUri() + ">;expires=60");
        assertThat(r.status()).isEqualTo(400);
        assertThat(h.location.lookup("alice", now())).containsExactly(before);
    }

    @Test
    void another_call_id_may_change_the_binding_whatever_its_cseq() {
        register(ALICE, "r@a", 5, "Contact: <" + ALICE.contactUri() + ">");
        SipResponse r = register(ALICE, "after-reboot@a", 1, "Contact: <" + ALICE.contactUri() + ">", "Expires: 0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(h.location.lookup("alice", now())).isEmpty();
        assertThat(h.store.rows()).isEmpty();
    }

    @Test
    void the_wildcard_is_refused_when_a_binding_of_its_call_id_is_newer() {
        register(ALICE, "r@a", 7, "Contact: <" + ALICE.contactUri() + ">");
        SipResponse r = register(ALICE, "r@a", 6, "Contact: *", "Expires: 0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(h.location.lookup("alice", now())).hasSize(1);

        assertThat(register(ALICE, "r@a", 8, "Contact: *", "Expires: 0").status()).isEqualTo(200);
        assertThat(h.location.lookup("alice", now())).isEmpty();
    }

    @Test
    void a_refused_register_changes_none_of_its_other_contacts_either() {
        register(ALICE, "r@a", 5, "Contact: <" + ALICE.contactUri() + ">");
        SipResponse r = register(ALICE, "r@a", 3, "Contact: <sip:alice@192.0.2.99:5060>",
                "Contact: <" + ALICE.contactUri() + ">;expires=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(h.location.lookup("alice", now())).extracting(Registration::contact)
                .containsExactly(ALICE.contactUri());
    }
}
