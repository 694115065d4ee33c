package org.clearline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.CAROL;

import java.util.List;
import java.util.Map;
import org.clearline.core.DigestClient;
import org.clearline.core.Phone;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.Header;
import org.clearline.syntax.SipResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Digest authentication as a registrar does it (§22.4, RFC 2617 §3.2, RFC 8760), on real REGISTERs. */
class DigestAuthenticationTest {
    private static final String URI = "sip:" + ProxyHarness.DOMAIN;
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
    }

    private SipResponse register(Phone p, int cseq, String authorization) {
        String callId = p.user() + "-auth@test";
        h.send(p, Sip.message("REGISTER " + URI + " SIP/2.0", p.via(h.branch()), "Max-Forwards: 70",
                "From: <" + p.aor() + ">;tag=f" + cseq, "To: <" + p.aor() + ">", "Call-ID: " + callId,
                "CSeq: " + cseq + " REGISTER", "Contact: <" + p.contactUri() + ">",
                authorization == null ? null : "Authorization: " + authorization));
        return ProxyHarness.lastResponseTo(h.take(), p.peer());
    }

    /** The challenge of an unauthenticated REGISTER, offer {@code index} (0: SHA-256, 1: MD5). */
    private String challenge(Phone p, int index) {
        SipResponse r = register(p, 1, null);
        assertThat(r.status()).isEqualTo(401);
        return r.headerValues("WWW-Authenticate").get(index);
    }

    @Test
    void a_request_without_credentials_gets_one_challenge_per_algorithm() {
        SipResponse r = register(ALICE, 1, null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Unauthorized");
        assertThat(r.to().tag()).isNotBlank();
        List<String> offers = r.headerValues("WWW-Authenticate");
        assertThat(offers).hasSize(2);
        Map<String, String> sha = DigestClient.params(offers.get(0));
        Map<String, String> md5 = DigestClient.params(offers.get(1));
        assertThat(sha).containsEntry("realm", "example.com").containsEntry("algorithm", "SHA-256")
                .containsEntry("qop", "auth").doesNotContainKey("stale");
        assertThat(md5).containsEntry("realm", "example.com").containsEntry("algorithm", "MD5")
                .containsEntry("qop", "auth").doesNotContainKey("stale");
        assertThat(sha.get("nonce")).isNotBlank().isEqualTo(md5.get("nonce"));
        assertThat(r.hasHeader("Proxy-Authenticate")).isFalse();
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void md5_credentials_are_accepted() {
        String c = challenge(ALICE, 1);
        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headerValues("WWW-Authenticate")).isEmpty();
    }

    @Test
    void sha256_credentials_are_accepted() {
        String c = challenge(ALICE, 0);
        assertThat(c).contains("algorithm=SHA-256");
        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1"));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_gets_401_with_a_fresh_challenge() {
        String c = challenge(ALICE, 0);
        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "guess", "REGISTER", URI, 1, "c1"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headerValues("WWW-Authenticate")).hasSize(2);
        String fresh = DigestClient.params(r.header("WWW-Authenticate")).get("nonce");
        assertThat(fresh).isNotEqualTo(DigestClient.params(c).get("nonce"));
        assertThat(r.header("WWW-Authenticate")).doesNotContain("stale");
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void an_unknown_user_is_answered_exactly_like_a_wrong_password() {
        Phone nobody = new Phone("nobody", "whatever", ProxyHarness.DOMAIN, ALICE.peer());
        String c1 = challenge(ALICE, 0);
        SipResponse wrong = register(ALICE, 2, DigestClient.authorization(c1, "alice", "guess", "REGISTER", URI, 1, "c1"));
        String c2 = challenge(nobody, 0);
        SipResponse unknown = register(nobody, 2,
                DigestClient.authorization(c2, "nobody", "whatever", "REGISTER", URI, 1, "c1"));

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.reason()).isEqualTo(wrong.reason());
        assertThat(shape(unknown)).isEqualTo(shape(wrong));
    }

    /** Header names and values in order, with everything that differs per request blanked out. */
    private static List<String> shape(SipResponse r) {
        return r.headers().stream().map(Header::toString)
                .map(l -> l.replaceAll("nonce=\"[^\"]*\"", "nonce=N").replaceAll("tag=[^;>\\s]*", "tag=T")
                        .replaceAll("branch=[^;\\s]*", "branch=B").replaceAll("(alice|nobody)", "U")
                        .replaceAll("Call-ID: .*", "Call-ID: X"))
                .toList();
    }

    @Test
    void an_expired_nonce_is_answered_with_stale_true_and_a_new_nonce_works() {
        String c = challenge(ALICE, 0);
        h.advance(ProxyHarness.NONCE_LIFETIME.plusSeconds(1));

        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1"));
        assertThat(r.status()).isEqualTo(401);
        List<String> offers = r.headerValues("WWW-Authenticate");
        assertThat(offers).hasSize(2).allSatisfy(v -> assertThat(DigestClient.params(v)).containsEntry("stale", "true"));
        String fresh = offers.get(0);
        assertThat(DigestClient.params(fresh).get("nonce")).isNotEqualTo(DigestClient.params(c).get("nonce"));

        SipResponse retry = register(ALICE, 3,
                DigestClient.authorization(fresh, "alice", "alice-secret", "REGISTER", URI, 1, "c2"));
        assertThat(retry.status()).isEqualTo(200);
    }

    @Test
    void a_nonce_within_its_lifetime_is_not_stale() {
        String c = challenge(ALICE, 0);
        h.advance(ProxyHarness.NONCE_LIFETIME.minusSeconds(1));
        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1"));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void a_replayed_nonce_count_is_refused_and_the_next_count_accepted() {
        String c = challenge(ALICE, 0);
        String first = DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1");
        assertThat(register(ALICE, 2, first).status()).isEqualTo(200);

        // the very same credentials again (RFC 2617 §3.2.2: nc must grow for each use of a nonce)
        SipResponse replay = register(ALICE, 3, first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("WWW-Authenticate")).doesNotContain("stale");

        String next = DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 2, "c2");
        assertThat(register(ALICE, 4, next).status()).isEqualTo(200);
    }

    @Test
    void challenges_issued_at_the_same_instant_have_their_own_nonces() {
        // virtual time stands still: both challenges come in the same millisecond
        String forAlice = challenge(ALICE, 0);
        String forBob = challenge(BOB, 0);
        assertThat(DigestClient.params(forAlice).get("nonce")).isNotEqualTo(DigestClient.params(forBob).get("nonce"));

        // each counts from 1 on its own nonce: neither is a replay of the other
        assertThat(register(ALICE, 2, DigestClient.authorization(forAlice, "alice", "alice-secret", "REGISTER", URI,
                1, "a")).status()).isEqualTo(200);
        assertThat(register(BOB, 2, DigestClient.authorization(forBob, "bob", "bob-secret", "REGISTER", URI,
                1, "b")).status()).isEqualTo(200);
    }

    @Test
    void credentials_for_another_realm_are_ignored_and_challenged() {
        String nonce = DigestClient.params(challenge(ALICE, 0)).get("nonce");
        String other = DigestClient.credentials("SHA-256", "alice", "other.example", "alice-secret", nonce,
                "REGISTER", URI, 1, "c1");
        SipResponse r = register(ALICE, 2, other);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headerValues("WWW-Authenticate")).hasSize(2)
                .allSatisfy(v -> assertThat(v).contains("realm=\"example.com\""));
    }

    @Test
    void a_forged_nonce_is_challenged_again_not_accepted() {
        String forged = "AAABi8_laADVRo6lFYzOq44oGBhjalw7AAAAAAAAAAAA";
        String creds = DigestClient.credentials("SHA-256", "alice", "example.com", "alice-secret", forged,
                "REGISTER", URI, 1, "c1");
        SipResponse r = register(ALICE, 2, creds);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).doesNotContain("stale");
    }

    @Test
    void an_algorithm_we_did_not_offer_is_challenged() {
        String nonce = DigestClient.params(challenge(ALICE, 0)).get("nonce");
        String creds = DigestClient.credentials("MD5", "alice", "example.com", "alice-secret", nonce,
                "REGISTER", URI, 1, "c1").replace("algorithm=MD5", "algorithm=MD5-sess");
        assertThat(register(ALICE, 2, creds).status()).isEqualTo(401);
    }

    @Test
    void a_disabled_account_with_the_right_password_gets_403_without_a_challenge() {
        String c = challenge(CAROL, 0);
        SipResponse r = register(CAROL, 2, DigestClient.authorization(c, "carol", "carol-secret", "REGISTER", URI, 1, "c"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Forbidden");
        assertThat(r.hasHeader("WWW-Authenticate")).isFalse();
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void a_disabled_account_with_a_wrong_password_learns_nothing_more_than_401() {
        String c = challenge(CAROL, 0);
        SipResponse r = register(CAROL, 2, DigestClient.authorization(c, "carol", "guess", "REGISTER", URI, 1, "c"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void credentials_made_for_another_request_uri_get_400_and_are_not_used() {
        String c = challenge(ALICE, 0);
        // made for another user's address: RFC 2617 §3.2.2.5
        SipResponse r = register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER",
                "sip:bob@" + ProxyHarness.DOMAIN, 1, "c1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Bad Request");
        assertThat(r.hasHeader("WWW-Authenticate")).isFalse();
        assertThat(h.store.applied()).isEmpty();
        // the same nonce-count was not spent by the refused request
        assertThat(register(ALICE, 3, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1,
                "c1")).status()).isEqualTo(200);
    }

    @Test
    void the_request_uri_written_differently_still_matches() {
        String c = challenge(ALICE, 0);
        String upperWithPort = "sip:" + ProxyHarness.DOMAIN.toUpperCase(java.util.Locale.ROOT) + ":5060";
        assertThat(register(ALICE, 2, DigestClient.authorization(c, "alice", "alice-secret", "REGISTER",
                upperWithPort, 1, "c1")).status()).isEqualTo(200);
        assertThat(DigestAuthenticator.uriMatches("sip:bob@example.com", org.clearline.syntax.Uri.parse(
                "sip:alice@example.com"))).as("another user").isFalse();
        assertThat(DigestAuthenticator.uriMatches("sip:alice@192.0.2.1:5070", org.clearline.syntax.Uri.parse(
                "sip:alice@example.com"))).as("host and port rewritten by a router's SIP helper").isTrue();
        // SIPp names only the address it sent to, port included
        assertThat(DigestAuthenticator.uriMatches("sip:127.0.0.1:5080", org.clearline.syntax.Uri.parse(
                "sip:bob@127.0.0.1"))).isTrue();
        assertThat(DigestAuthenticator.uriMatches("sip:alice@example.com", org.clearline.syntax.Uri.parse(
                "tel:+4930123"))).isFalse();
        assertThat(DigestAuthenticator.uriMatches("sip:alice@example.com;transport=tcp",
                org.clearline.syntax.Uri.parse("sip:alice@example.com"))).isTrue();
        assertThat(DigestAuthenticator.uriMatches("not a uri", org.clearline.syntax.Uri.parse(
                "sip:alice@example.com"))).isFalse();
    }

    @Test
    void credentials_without_qop_use_a_nonce_once_then_get_a_stale_challenge() {
        String c = challenge(ALICE, 1);
        String nonce = DigestClient.params(c).get("nonce");
        String ha2 = DigestClient.hex("MD5", "REGISTER:" + URI);
        String response = DigestClient.hex("MD5", DigestClient.ha1("MD5", "alice", "example.com", "alice-secret")
                + ":" + nonce + ":" + ha2);
        String rfc2069 = "Digest username=\"alice\", realm=\"example.com\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response.toUpperCase(java.util.Locale.ROOT) + "\", algorithm=MD5";
        assertThat(register(ALICE, 2, rfc2069).status()).as("hex compared without regard to case").isEqualTo(200);

        // the same credentials again: a replay, or a client that reuses its nonce; it gets a fresh one
        SipResponse again = register(ALICE, 3, rfc2069);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.headerValues("WWW-Authenticate")).allSatisfy(v -> assertThat(v).contains("stale=true"));
    }

    @Test
    void qop_without_a_nonce_count_is_challenged() {
        String c = challenge(ALICE, 0);
        String creds = DigestClient.authorization(c, "alice", "alice-secret", "REGISTER", URI, 1, "c1")
                .replace(", nc=00000001", "");
        SipResponse r = register(ALICE, 2, creds);
        assertThat(r.status()).isEqualTo(401);
        assertThat(h.store.applied()).isEmpty();
    }

    @Test
    void responses_compare_as_hex_in_any_case() {
        assertThat(DigestAuthenticator.sameHex("0a1b", "0A1B")).isTrue();
        assertThat(DigestAuthenticator.sameHex("0a1b", "0a1c")).isFalse();
        assertThat(DigestAuthenticator.sameHex("0a1b", "0a1")).isFalse();
        assertThat(DigestAuthenticator.sameHex("0a1b", null)).isFalse();
    }
}
