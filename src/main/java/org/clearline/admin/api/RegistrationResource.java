package org.clearline.admin.api;

import io.javalin.http.Context;
import java.util.List;
import org.clearline.admin.Refusal;
import org.clearline.admin.accounts.AccountService;
import org.clearline.admin.accounts.Bindings;
import org.clearline.store.Registration;
import org.clearline.time.Clock;

/** {@code GET /registrations}: the live contact bindings (§10.3) of every account, or of one. */
final class RegistrationResource {
    /**
     * One binding as the registrar holds it.
     *
     * @param transport "udp" or "tcp": how the REGISTER came, so how requests reach the phone
     * @param path      the Path header values (RFC 3327), empty if none
     */
    record Binding(String sipId, String contact, String source, String transport, String userAgent,
                   String expiresAt, long expiresInSeconds, String registeredAt, double q, String callId, long cseq,
                   String path) {
        static Binding of(Registration r, long nowMillis) {
            int colon = r.source().indexOf(':');
            return new Binding(r.sipId(), r.contact(), r.source(), colon < 0 ? "" : r.source().substring(0, colon),
                    r.userAgent(), Params.time(r.expiresAt()), Math.max(0, (r.expiresAt() - nowMillis) / 1000),
                    Params.time(r.registeredAt()), r.q(), r.callId(), r.cseq(), r.path());
        }
    }

    record BindingList(List<Binding> registrations) {}

    private final AccountService accounts;
    private final Bindings bindings;
    private final Clock clock;

    RegistrationResource(AccountService accounts, Bindings bindings, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.clock = clock;
    }

    void routes(ApiRoutes r) {
        r.get("/registrations", this::list, "account");
    }

    private void list(Context ctx) {
        String account = Params.text(ctx, "account");
        if (account != null) {
            try {
                accounts.require(account);
            } catch (Refusal r) {
                throw r.about("account");
            }
        }
        List<Registration> shown = account == null ? bindings.all() : bindings.of(account);
        long now = clock.epochMillis();
        ctx.json(new BindingList(shown.stream().map(r -> Binding.of(r, now)).toList()));
    }
}
