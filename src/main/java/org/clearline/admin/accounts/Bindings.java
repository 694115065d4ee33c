package org.clearline.admin.accounts;

import java.util.Comparator;
import java.util.List;
import org.clearline.core.location.LocationService;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore;
import org.clearline.time.Clock;

/**
 * Where listings read an account's current contact bindings (§10.3): a running
 * server's location service, or, for the CLI, the store the registrar writes
 * every binding to before it answers 200 OK. Lapsed bindings are left out.
 */
public interface Bindings {
    /** Every unexpired binding, ordered by account, then contact. */
    List<Registration> all();

    /** The unexpired bindings of one account, ordered by contact. */
    default List<Registration> of(String sipId) {
        return all().stream().filter(r -> r.sipId().equals(sipId)).toList();
    }

    Comparator<Registration> ORDER = Comparator.comparing(Registration::sipId).thenComparing(Registration::contact);

    /** What the store holds (the CLI's view, also when no server runs). */
    static Bindings stored(RegistrationStore store, Clock clock) {
        return () -> {
            long now = clock.epochMillis();
            return store.loadAll().stream().filter(r -> r.expiresAt() > now).sorted(ORDER).toList();
        };
    }

    /** The running server's location table. */
    static Bindings live(LocationService location, Clock clock) {
        return new Bindings() {
            @Override
            public List<Registration> all() {
                return location.all(clock.epochMillis()).stream().sorted(ORDER).toList();
            }

            @Override
            public List<Registration> of(String sipId) {
                return location.lookup(sipId, clock.epochMillis()).stream().sorted(ORDER).toList();
            }
        };
    }
}
