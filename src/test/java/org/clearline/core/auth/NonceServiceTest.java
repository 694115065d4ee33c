package org.clearline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.clearline.core.auth.NonceService.Verdict;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.Test;

/** Stateless nonces (issue time, salt, HMAC) and the nonce-count replay table. */
class NonceServiceTest {
    private final ManualClock clock = new ManualClock();
    private final NonceService nonces = new NonceService(clock, 60_000, "k".repeat(32).getBytes());

    @Test
    void every_challenge_gets_a_nonce_of_its_own_even_in_the_same_millisecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) seen.add(nonces.issue());
        assertThat(seen).hasSize(1000);
    }

    @Test
    void a_nonce_is_valid_for_its_lifetime_then_stale() {
        String n = nonces.issue();
        assertThat(nonces.check(n, null)).isEqualTo(Verdict.VALID);
        clock.advance(Duration.ofMillis(60_000));
        assertThat(nonces.check(n, null)).isEqualTo(Verdict.VALID);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(n, null)).isEqualTo(Verdict.STALE);
    }

    @Test
    void a_nonce_of_another_key_or_tampered_with_is_invalid() {
        String n = nonces.issue();
        NonceService other = new NonceService(clock, 60_000, "x".repeat(32).getBytes());
        assertThat(other.check(n, null)).isEqualTo(Verdict.INVALID);
        // a character in the middle carries 6 bits of data (the last one partly padding)
        int at = n.length() / 2;
        String tampered = n.substring(0, at) + (n.charAt(at) == 'A' ? 'B' : 'A') + n.substring(at + 1);
        assertThat(nonces.check(tampered, null)).isEqualTo(Verdict.INVALID);
        assertThat(nonces.check("not base64!", null)).isEqualTo(Verdict.INVALID);
        assertThat(nonces.check("", null)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void nonce_counts_must_grow_per_nonce() {
        String n = nonces.issue();
        String m = nonces.issue();
        assertThat(nonces.check(n, "00000001")).isEqualTo(Verdict.VALID);
        assertThat(nonces.check(n, "00000001")).isEqualTo(Verdict.REPLAYED);
        assertThat(nonces.check(m, "00000001")).isEqualTo(Verdict.VALID);
        assertThat(nonces.check(n, "0000000a")).isEqualTo(Verdict.VALID);
        assertThat(nonces.check(n, "00000002")).isEqualTo(Verdict.REPLAYED);
        assertThat(nonces.check(n, "zz")).isEqualTo(Verdict.INVALID);
        assertThat(nonces.trackedNonces()).isEqualTo(2);
    }

    @Test
    void purge_forgets_counts_of_expired_nonces_only() {
        String old = nonces.issue();
        nonces.check(old, "00000001");
        clock.advance(Duration.ofSeconds(61));
        nonces.check(nonces.issue(), "00000001");
        nonces.purge();
        assertThat(nonces.trackedNonces()).isEqualTo(1);
    }
}
