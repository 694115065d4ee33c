package org.clearline.core.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.BOB_DESK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clearline.core.Phone;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.syntax.SipResponse;
import org.clearline.time.ManualClock;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registrar (§10.3) on real REGISTERs: bindings, expiry rules, the wildcard, queries. */
class RegistrarTest {
    static final String URI = "sip:" + ProxyHarness.DOMAIN;
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
    }

    /** Sends an authenticated REGISTER for {@code p} and returns the last response it got. */
    static SipResponse register(ProxyHarness h, Phone p, String callId, int cseq, String... lines) {
        List<String> all = new ArrayList<>(List.of("REGISTER " + URI + " SIP/2.0", p.via(h.branch()),
                "Max-Forwards: 70", "From: <" + p.aor() + ">;tag=" + h.tag(), "To: <" + p.aor() + ">",
                "Call-ID: " + callId, "CSeq: " + cseq + " REGISTER"));
        all.addAll(List.of(lines));
        all.add("Authorization: " + h.credentials(p, "REGISTER", URI));
        h.send(p, Sip.message(all.toArray(String[]::new)));
        return ProxyHarness.lastResponseTo(h.take(), p.peer());
    }

    private SipResponse register(Phone p, String callId, int cseq, String... lines) {
        return register(h, p, callId, cseq, lines);
    }

    private static String contact(Phone p) {
        return "Contact: <" + p.contactUri() + ">";
    }

    private long now() {
        return h.clock.epochMillis();
    }

    @Test
    void a_contact_is_bound_for_the_default_time_and_stored_before_the_answer() {
        SipResponse r = register(ALICE, "reg-1@a", 1, contact(ALICE));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.to().tag()).isNotBlank();
        assertThat(r.headerValues("Contact")).containsExactly("<sip:alice@192.0.2.10:5060>;expires=3600");
        assertThat(r.header("Date")).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
        assertThat(ManualClock.DEFAULT_EPOCH_MILLIS).isEqualTo(now());
        assertThat(h.store.rows()).singleElement().satisfies(b -> {
            assertThat(b.sipId()).isEqualTo("alice");
            assertThat(b.contact()).isEqualTo("sip:alice@192.0.2.10:5060");
            assertThat(b.callId()).isEqualTo("reg-1@a");
            assertThat(b.cseq()).isEqualTo(1);
            assertThat(b.expiresAt()).isEqualTo(now() + 3_600_000);
            assertThat(b.registeredAt()).isEqualTo(now());
            assertThat(b.source()).isEqualTo("udp:192.0.2.10:5060");
            assertThat(b.path()).isEmpty();
        });
        assertThat(h.location.lookup("alice", now())).extracting(Registration::contact)
                .containsExactly("sip:alice@192.0.2.10:5060");
    }

    @Test
    void a_refresh_with_the_same_call_id_extends_the_binding_and_keeps_its_start() {
        long start = now();
        register(ALICE, "reg-1@a", 1, contact(ALICE));
        h.advance(Duration.ofSeconds(1000));

        SipResponse r = register(ALICE, "reg-1@a", 2, contact(ALICE), "Expires: 1800");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headerValues("Contact")).containsExactly("<sip:alice@192.0.2.10:5060>;expires=1800");
        Registration b = h.location.lookup("alice", now()).get(0);
        assertThat(b.cseq()).isEqualTo(2);
        assertThat(b.expiresAt()).isEqualTo(now() + 1_800_000);
        assertThat(b.registeredAt()).isEqualTo(start);
    }

    @Test
    void one_register_may_bind_several_contacts_and_lookup_prefers_higher_q() {
        SipResponse r = register(BOB, "reg@b", 1, "Contact: <sip:bob@192.0.2.20:5060>;q=0.5, <sip:bob@192.0.2.21:5062>",
                "Contact: <sip:bob@192.0.2.22:5060>;q=0.7");
        assertThat(r.headerValues("Contact")).containsExactly("<sip:bob@192.0.2.20:5060>;expires=3600",
                "<sip:bob@192.0.2.21:5062>;expires=3600", "<sip:bob@192.0.2.22:5060>;expires=3600");
        assertThat(h.location.lookup("bob", now())).extracting(Registration::contact).containsExactly(
                "sip:bob@192.0.2.21:5062", "sip:bob@192.0.2.22:5060", "sip:bob@192.0.2.20:5060");
    }

    @Test
    void two_devices_of_one_account_register_separately_and_both_stay_bound() {
        register(BOB, "desk-phone@b", 1, contact(BOB));
        SipResponse r = register(BOB_DESK, "soft-phone@b", 1, contact(BOB_DESK));

        // §10.3 step 8: the 200 lists every current binding of the AOR
        assertThat(r.headerValues("Contact")).containsExactlyInAnyOrder("<sip:bob@192.0.2.20:5060>;expires=3600",
                "<sip:bob@192.0.2.21:5062>;expires=3600");
        assertThat(h.location.lookup("bob", now())).hasSize(2);
    }

    @Test
    void the_contact_expires_parameter_wins_over_the_expires_header() {
        SipResponse r = register(BOB, "reg@b", 1, "Contact: <sip:bob@192.0.2.20:5060>;expires=120",
                "Contact: <sip:bob@192.0.2.21:5062>", "Expires: 300");
        assertThat(r.headerValues("Contact")).containsExactly("<sip:bob@192.0.2.20:5060>;expires=120",
                "<sip:bob@192.0.2.21:5062>;expires=300");
    }

    @Test
    void too_brief_an_interval_gets_423_with_min_expires_and_changes_nothing() {
        SipResponse r = register(ALICE, "reg@a", 1, contact(ALICE), "Expires: 59");
        assertThat(r.status()).isEqualTo(423);
        assertThat(r.reason()).isEqualTo("Interval Too Brief");
        assertThat(r.header("Min-Expires")).isEqualTo("60");
        assertThat(h.store.applied()).isEmpty();
        assertThat(h.location.lookup("alice", now())).isEmpty();

        assertThat(register(ALICE, "reg@a", 2, contact(ALICE), "Expires: 60").status()).isEqualTo(200);
    }

    @Test
    void a_contact_parameter_below_the_minimum_also_gets_423() {
        SipResponse r = register(ALICE, "reg@a", 1, "Contact: <" + ALICE.contactUri() + ">;expires=10");
        assertThat(r.status()).isEqualTo(423);
        assertThat(r.header("Min-Expires")).isEqualTo("60");
    }

    @Test
    void too_long_an_interval_is_cut_to_the_maximum() {
        SipResponse r = register(ALICE, "reg@a", 1, contact(ALICE), "Expires: 86400");
        assertThat(r.headerValues("Contact")).containsExactly("<sip:alice@192.0.2.10:5060>;expires=3600");
        assertThat(h.store.rows().get(0).expiresAt()).isEqualTo(now() + 3_600_000);
    }

    @Test
    void expires_zero_removes_one_binding_and_keeps_the_others() {
        register(BOB, "reg@b", 1, contact(BOB), contact(BOB_DESK));
        SipResponse r = register(BOB, "reg@b", 2, "Contact: <" + BOB.contactUri() + ">;expires=0");
        assertThat(r.headerValues("Contact")).containsExactly("<sip:bob@192.0.2.21:5062>;expires=3600");
        assertThat(h.store.rows()).extracting(Registration::contact).containsExactly("sip:bob@192.0.2.21:5062");
    }

    @Test
    void the_wildcard_with_expires_zero_removes_every_binding() {
        register(BOB, "one@b", 1, contact(BOB));
        register(BOB_DESK, "two@b", 1, contact(BOB_DESK));
        register(ALICE, "reg@a", 1, contact(ALICE));

        SipResponse r = register(BOB, "three@b", 1, "Contact: *", "Expires: 0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Contact")).isFalse();
        assertThat(h.store.applied().get(h.store.applied().size() - 1))
                .containsExactly(new RegistrationChange.RemoveAll("bob"));
        assertThat(h.store.rows()).extracting(Registration::sipId).containsExactly("alice");
        assertThat(h.location.lookup("bob", now())).isEmpty();
        assertThat(h.location.lookup("alice", now())).hasSize(1);
    }

    @Test
    void the_wildcard_with_another_contact_or_without_expires_zero_is_a_bad_request() {
        register(BOB, "one@b", 1, contact(BOB));

        SipResponse withOther = register(BOB, "x@b", 1, "Contact: *", contact(BOB_DESK), "Expires: 0");
        SipResponse withExpires = register(BOB, "x@b", 2, "Contact: *", "Expires: 3600");
        SipResponse noExpires = register(BOB, "x@b", 3, "Contact: *");
        for (SipResponse r : List.of(withOther, withExpires, noExpires)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).contains("*");
        }
        assertThat(h.location.lookup("bob", now())).hasSize(1);
    }

    @Test
    void a_register_without_contact_is_a_query_that_lists_the_bindings() {
        register(BOB, "reg@b", 1, contact(BOB), contact(BOB_DESK), "Expires: 600");
        int writes = h.store.applied().size();
        h.advance(Duration.ofSeconds(100));

        SipResponse r = register(BOB, "query@b", 1);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headerValues("Contact")).containsExactly("<sip:bob@192.0.2.20:5060>;expires=500",
                "<sip:bob@192.0.2.21:5062>;expires=500");
        assertThat(h.store.applied()).hasSize(writes);
    }

    @Test
    void path_is_stored_and_echoed() {
        SipResponse r = register(BOB, "reg@b", 1, contact(BOB), "Supported: path",
                "Path: <sip:edge.example.net;lr>");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headerValues("Path")).containsExactly("<sip:edge.example.net;lr>");
        assertThat(h.store.rows().get(0).path()).isEqualTo("<sip:edge.example.net;lr>");
    }

    @Test
    void a_to_that_is_not_the_authenticated_user_is_forbidden() {
        String callId = "reg@a";
        h.send(ALICE, Sip.message("REGISTER " + URI + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                "From: <" + ALICE.aor() + ">;tag=x", "To: <" + BOB.aor() + ">", "Call-ID: " + callId,
                "CSeq: 1 REGISTER", contact(ALICE), "Authorization: " + h.credentials(ALICE, "REGISTER", URI)));
        SipResponse r = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Forbidden");
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void a_request_uri_of_another_domain_is_forbidden_before_any_challenge() {
        h.send(ALICE, Sip.message("REGISTER sip:other.example SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                "From: <sip:alice@other.example>;tag=x", "To: <sip:alice@other.example>", "Call-ID: r@a",
                "CSeq: 1 REGISTER", contact(ALICE)));
        SipResponse r = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.hasHeader("WWW-Authenticate")).isFalse();
    }

    @Test
    void an_address_of_record_in_another_domain_is_forbidden() {
        Phone abroad = new Phone("alice", "alice-secret", "other.example", ALICE.peer());
        h.send(ALICE, Sip.message("REGISTER " + URI + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                "From: <" + abroad.aor() + ">;tag=x", "To: <" + abroad.aor() + ">", "Call-ID: r@a",
                "CSeq: 1 REGISTER", contact(ALICE), "Authorization: " + h.credentials(ALICE, "REGISTER", URI)));
        SipResponse r = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(403);
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void an_unsupported_require_gets_420_naming_the_option() {
        SipResponse r = register(ALICE, "reg@a", 1, contact(ALICE), "Require: gruu, path");
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.header("Unsupported")).isEqualTo("gruu");
    }

    @Test
    void more_contacts_than_allowed_are_forbidden() {
        h = new ProxyHarness(List.of(), new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600),
                Duration.ofSeconds(3600), 2));
        SipResponse r = register(BOB, "reg@b", 1, contact(BOB), contact(BOB_DESK), contact(ALICE));
        assertThat(r.status()).isEqualTo(403);
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void a_lapsed_binding_is_neither_found_nor_listed() {
        register(ALICE, "reg@a", 1, contact(ALICE), "Expires: 60");
        assertThat(h.location.lookup("alice", now())).hasSize(1);
        h.advance(Duration.ofSeconds(60));

        assertThat(h.location.lookup("alice", now())).isEmpty();
        SipResponse q = register(ALICE, "q@a", 1);
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.hasHeader("Contact")).isFalse();
    }

    @Test
    void the_challenge_keeps_no_transaction_and_a_retransmission_is_challenged_alike() {
        String register = Sip.message("REGISTER " + URI + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                "From: <" + ALICE.aor() + ">;tag=x", "To: <" + ALICE.aor() + ">", "Call-ID: r@a",
                "CSeq: 1 REGISTER", contact(ALICE));
        h.send(ALICE, register);
        SipResponse first = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(first.status()).isEqualTo(401);
        assertThat(h.transactions.activeTransactions()).as("§8.2.7: no Timer J for a challenge").isZero();

        h.advance(Duration.ofMillis(500));  // the 401 was lost: the phone's Timer E repeats the REGISTER
        h.send(ALICE, register);
        SipResponse again = ProxyHarness.lastResponseTo(h.take(), ALICE.peer());
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.to().tag()).as("the same request, the same To tag").isEqualTo(first.to().tag());
        assertThat(again.header("WWW-Authenticate")).isNotBlank();
        assertThat(h.transactions.activeTransactions()).isZero();
    }

    @Test
    void a_password_guess_is_challenged_again_and_keeps_no_transaction_either() {
        Phone guesser = new Phone("alice", "123456", ProxyHarness.DOMAIN, Peer.udp("203.0.113.9", 5060));
        for (int i = 1; i <= 3; i++) {
            SipResponse r = register(h, guesser, "guess@g", i, contact(guesser));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).isNotBlank();
        }
        assertThat(h.transactions.activeTransactions()).as("a guesser's flood holds no memory").isZero();
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void the_answer_to_credentials_is_kept_for_retransmissions() {
        assertThat(register(ALICE, "reg-k@a", 1, contact(ALICE)).status()).isEqualTo(200);
        assertThat(h.transactions.activeTransactions()).as("the 200 waits out Timer J").isOne();
    }
}
