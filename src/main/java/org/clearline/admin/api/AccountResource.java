package org.clearline.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clearline.admin.accounts.AccountService;
import org.clearline.admin.accounts.AccountService.Detail;
import org.clearline.admin.accounts.AccountService.NewAccount;
import org.clearline.admin.config.ConfigException;
import org.clearline.admin.config.LineReader;
import org.clearline.admin.config.LineWriter;
import org.clearline.admin.http.ApiError;
import org.clearline.core.location.LocationService;
import org.clearline.features.ActiveCalls;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.LineSettings;
import org.clearline.time.Clock;

/** {@code /accounts}: create, read, change and remove accounts, and their line features. */
final class AccountResource {
    /** The body of {@code POST /accounts}; {@code enabled} defaults to true. */
    record NewAccountBody(String sipId, String password, String displayName, List<String> numbers, Boolean enabled) {}

    /** The body of {@code PATCH /accounts/{sipId}}: only what is given changes. */
    record AccountChangeBody(String password, String displayName, Boolean enabled) {}

    record AccountRow(String sipId, String displayName, boolean enabled, List<String> numbers, int registrations) {}

    record AccountList(List<AccountRow> accounts) {}

    record AccountView(String sipId, String displayName, boolean enabled, List<String> numbers, int activeCalls,
                       List<RegistrationResource.Binding> registrations, Map<String, Object> line) {}

    private final AccountService accounts;
    /** The digest realm the server challenges with; HA1 values are only valid for it (RFC 7616 §3.4.2). */
    private final String realm;
    private final LocationService location;
    private final ActiveCalls activeCalls;
    private final Clock clock;

    AccountResource(AccountService accounts, String realm, LocationService location, ActiveCalls activeCalls,
                    Clock clock) {
        this.accounts = accounts;
        this.realm = realm;
        this.location = location;
        this.activeCalls = activeCalls;
        this.clock = clock;
    }

    void routes(ApiRoutes r) {
        r.get("/accounts", this::list)
                .post("/accounts", this::create)
                .get("/accounts/{sipId}", this::show)
                .patch("/accounts/{sipId}", this::change)
                .delete("/accounts/{sipId}", this::remove)
                .get("/accounts/{sipId}/line", this::line)
                .put("/accounts/{sipId}/line", this::setLine);
    }

    private void list(Context ctx) {
        ctx.json(new AccountList(accounts.list().stream().map(s -> new AccountRow(s.account().sipId(),
                s.account().displayName(), s.account().enabled(), s.numbers(), s.registrations())).toList()));
    }

    private void create(Context ctx) {
        NewAccountBody b = Params.body(ctx, NewAccountBody.class);
        Account created = accounts.add(new NewAccount(b.sipId(), b.displayName(), b.numbers(),
                b.enabled() == null || b.enabled()), password(b.sipId(), b.password()));
        ctx.status(201).header("Location", ApiRoutes.BASE + "/accounts/"
                + URLEncoder.encode(created.sipId(), StandardCharsets.UTF_8));
        ctx.json(view(accounts.show(created.sipId())));
    }

    private void show(Context ctx) {
        ctx.json(view(accounts.show(ctx.pathParam("sipId"))));
    }

    private void change(Context ctx) {
        String sipId = ctx.pathParam("sipId");
        accounts.require(sipId);
        AccountChangeBody b = Params.body(ctx, AccountChangeBody.class);
        if (b.password() == null && b.displayName() == null && b.enabled() == null) {
            throw ApiError.badRequest(null, "give at least one of password, displayName, enabled");
        }
        accounts.update(sipId, b.displayName(), b.enabled(), b.password() == null ? null : password(sipId, b.password()));
        ctx.json(view(accounts.show(sipId)));
    }

    private void remove(Context ctx) {
        String sipId = ctx.pathParam("sipId");
        accounts.remove(sipId);
        // the store dropped its bindings; drop the live ones too, so listings and counts agree at once
        location.replace(sipId, List.of());
        ctx.status(204);
    }

    private void line(Context ctx) {
        ctx.json(LineWriter.write(accounts.line(ctx.pathParam("sipId"))));
    }

    /** Replaces the whole line: keys left out take their defaults, as in the config file's {@code line} section. */
    private void setLine(Context ctx) {
        String sipId = ctx.pathParam("sipId");
        accounts.require(sipId);
        JsonNode body = Params.object(ctx);
        LineSettings settings;
        try {
            settings = LineReader.read(body);
        } catch (ConfigException e) {
            throw ApiError.badRequest(e.key(), e.key() + ": " + e.problem());
        }
        accounts.setLine(sipId, settings);
        ctx.json(LineWriter.write(accounts.line(sipId)));
    }

    /** Checked and hashed when the service asks for it, after its own checks of the account. */
    private Supplier<Ha1> password(String sipId, String password) {
        return () -> AccountService.ha1(sipId, realm, password);
    }

    private AccountView view(Detail d) {
        long now = clock.epochMillis();
        return new AccountView(d.account().sipId(), d.account().displayName(), d.account().enabled(), d.numbers(),
                activeCalls.active(d.account().sipId()),
                d.registrations().stream().map(r -> RegistrationResource.Binding.of(r, now)).toList(),
                LineWriter.write(d.line()));
    }
}
