package org.clearline.store;

import java.util.List;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.store.RegistrationStore.RegistrationChange.Upsert;

/** Values the store tests share. */
final class StoreFixtures {
    static final String REALM = "demo.clearline.test";

    private StoreFixtures() {}

    static Account account(String sipId) {
        Ha1 ha1 = Ha1.of(sipId, REALM, "secret-" + sipId);
        return new Account(sipId, sipId.toUpperCase(), ha1.md5(), ha1.sha256(), true);
    }

    static Registration binding(String sipId, int port, long expiresAt) {
        return new Registration(sipId, "sip:" + sipId + "@127.0.0.1:" + port + ";transport=udp", "call-" + port,
                port, expiresAt, 1_000L, 1.0, "", "udp:127.0.0.1:" + port, "test-phone/1.0");
    }

    static List<RegistrationChange> upsert(Registration r) {
        return List.of(new Upsert(r));
    }
}
