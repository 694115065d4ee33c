package org.clearline.admin.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.clearline.admin.Refusal;
import org.clearline.admin.accounts.AccountService;
import org.clearline.admin.accounts.Bindings;
import org.clearline.admin.accounts.NumberService;
import org.clearline.admin.api.ApiRoutes.Route;
import org.clearline.admin.calls.CallLogQuery;
import org.clearline.admin.http.ApiError;
import org.clearline.admin.http.HttpModule;
import org.clearline.admin.server.SipStack;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;

/**
 * The REST API (issue 5, item 5): JSON under {@code /api/v1}, described by
 * {@code /api/v1/openapi.yaml}. The listener has authenticated every request
 * before it gets here. Changes go through the same services as the CLI and reach
 * the store, whose version the running stack polls: a new password is in force
 * within about a second. Handlers block on JDBC, on the listener's own threads.
 */
public final class ApiModule implements HttpModule {
    private final List<Route> routes;

    public ApiModule(SipStack stack) {
        JdbcStore store = stack.store();
        Clock clock = stack.clock();
        Bindings bindings = Bindings.live(stack.location(), clock);
        AccountService accounts = new AccountService(store, bindings);
        ExplanationTexts texts = new ExplanationTexts();
        ApiRoutes r = new ApiRoutes();
        new StatusResource(stack).routes(r);
        new AccountResource(accounts, stack.settings().domain(), stack.location(), stack.activeCalls(), clock)
                .routes(r);
        new NumberResource(new NumberService(store)).routes(r);
        new RegistrationResource(accounts, bindings, clock).routes(r);
        new CallResource(new CallLogQuery(store.callLog(), clock), texts).routes(r);
        new ExplanationResource(texts).routes(r);
        OpenApiResource.routes(r);
        this.routes = r.all();
    }

    /** What {@link #register} adds, paths relative to {@link ApiRoutes#BASE}. */
    List<Route> routes() {
        return routes;
    }

    @Override
    public void register(RoutesConfig config) {
        for (Route route : routes) {
            config.addHttpHandler(route.method(), ApiRoutes.BASE + route.path(), ctx -> handle(route, ctx));
        }
    }

    private static void handle(Route route, Context ctx) throws Exception {
        Params.onlyKnown(ctx, route.query());
        try {
            route.handler().handle(ctx);
        } catch (Refusal r) {
            throw new ApiError(status(r.kind()), r.field(), r.getMessage());
        }
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }
}
