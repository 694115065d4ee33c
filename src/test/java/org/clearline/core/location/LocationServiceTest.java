package org.clearline.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.junit.jupiter.api.Test;

/** The in-memory location table: lookup order, expiry, counts, and applying committed changes. */
class LocationServiceTest {
    private final LocationService location = new LocationService();

    private static Registration binding(String sipId, String contact, long expiresAt, double q) {
        return new Registration(sipId, contact, "c@x", 1, expiresAt, 0, q, "", "udp:192.0.2.1:5060", "");
    }

    @Test
    void lookup_returns_live_bindings_highest_q_first_keeping_order_among_equals() {
        location.replace("bob", List.of(binding("bob", "sip:a", 100, 0.5), binding("bob", "sip:b", 100, 1.0),
                binding("bob", "sip:c", 50, 1.0), binding("bob", "sip:d", 100, 1.0)));
        assertThat(location.lookup("bob", 60)).extracting(Registration::contact).containsExactly("sip:b", "sip:d", "sip:a");
        assertThat(location.lookup("bob", 100)).isEmpty(); // expiresAt is the first instant it is gone
        assertThat(location.lookup("nobody", 0)).isEmpty();
        assertThat(location.bindings("bob")).hasSize(4);
    }

    @Test
    void accounts_that_no_longer_exist_lose_their_bindings() {
        location.replace("bob", List.of(binding("bob", "sip:a", 100, 1), binding("bob", "sip:b", 200, 1)));
        location.replace("alice", List.of(binding("alice", "sip:x", 100, 1)));
        assertThat(location.forgetAccounts(id -> !id.equals("bob"))).isOne();
        assertThat(location.bindings("bob")).isEmpty();
        assertThat(location.bindings("alice")).hasSize(1);
        assertThat(location.size()).isOne();
        assertThat(location.forgetAccounts(id -> true)).isZero();
    }

    @Test
    void counts_follow_replacements_and_sweeps() {
        location.replace("bob", List.of(binding("bob", "sip:a", 100, 1), binding("bob", "sip:b", 200, 1)));
        location.replace("alice", List.of(binding("alice", "sip:x", 100, 1)));
        assertThat(location.size()).isEqualTo(3);
        assertThat(location.accounts()).isEqualTo(2);

        assertThat(location.sweep(150)).isEqualTo(2);
        assertThat(location.size()).isEqualTo(1);
        assertThat(location.accounts()).isEqualTo(1);
        location.replace("bob", List.of());
        assertThat(location.size()).isZero();
        assertThat(location.accounts()).isZero();
    }

    @Test
    void load_skips_lapsed_bindings_and_groups_by_account() {
        location.load(List.of(binding("bob", "sip:a", 100, 1), binding("bob", "sip:b", 10, 1),
                binding("alice", "sip:x", 100, 1)), 50);
        assertThat(location.lookup("bob", 50)).extracting(Registration::contact).containsExactly("sip:a");
        assertThat(location.size()).isEqualTo(2);
    }

    @Test
    void apply_changes_the_bindings_as_they_are_now() {
        location.replace("bob", List.of(binding("bob", "sip:a", 100, 1), binding("bob", "sip:old", 10, 1)));
        List<Registration> after = location.apply("bob", List.of(
                new RegistrationChange.Upsert(binding("bob", "sip:b", 300, 1)),
                new RegistrationChange.Upsert(binding("bob", "sip:a", 400, 1))), 50);
        // the lapsed one is gone, a is refreshed in place, b added
        assertThat(after).extracting(Registration::contact).containsExactly("sip:a", "sip:b");
        assertThat(after.get(0).expiresAt()).isEqualTo(400);
        assertThat(location.size()).isEqualTo(2);

        assertThat(location.apply("bob", List.of(new RegistrationChange.Remove("bob", "sip:a")), 50))
                .extracting(Registration::contact).containsExactly("sip:b");
        assertThat(location.apply("bob", List.of(new RegistrationChange.RemoveAll("bob"),
                new RegistrationChange.Upsert(binding("bob", "sip:c", 300, 1))), 50))
                .extracting(Registration::contact).containsExactly("sip:c");
        assertThat(location.apply("bob", List.of(new RegistrationChange.RemoveAll("bob")), 50)).isEmpty();
        assertThat(location.accounts()).isZero();
        assertThat(location.size()).isZero();
    }
}
