package org.clearline.admin.diagnose;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import org.clearline.admin.http.ApiError;
import org.clearline.admin.http.HttpModule;

/**
 * {@code GET /api/v1/accounts/{sipId}/diagnosis[?probe=false][&timeoutMs=N]}: the
 * {@link Diagnosis} of one account as JSON; 404 for an unknown account, 400 naming
 * the query parameter that is wrong. Probing sends OPTIONS from the server's own
 * sockets and holds the request until the phones answered or the wait ran out.
 */
public final class DiagnoseModule implements HttpModule {
    public static final String PATH = "/api/v1/accounts/{sipId}/diagnosis";
    /** The shortest wait a caller may ask for: below it even a phone next door looks dead. */
    static final long MIN_TIMEOUT_MS = 100;

    private final Diagnoser diagnoser;
    private final Duration maxWait;

    /** @param maxWait the longest probe wait a caller may ask for (the prober's own maximum) */
    public DiagnoseModule(Diagnoser diagnoser, Duration maxWait) {
        this.diagnoser = diagnoser;
        this.maxWait = maxWait;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::diagnose);
    }

    private void diagnose(Context ctx) {
        String sipId = ctx.pathParam("sipId");
        boolean probe = probe(ctx.queryParam("probe"));
        Duration wait = timeout(ctx.queryParam("timeoutMs"));
        Diagnosis d = diagnoser.diagnose(sipId, new Diagnoser.Options(probe, wait))
                .orElseThrow(() -> ApiError.notFound("account '" + sipId + "' does not exist"));
        ctx.json(d);
    }

    private static boolean probe(String value) {
        if (value == null) return true;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiError.badRequest("probe", "must be true or false, got '" + value + "'");
        };
    }

    private Duration timeout(String value) {
        if (value == null) return null;
        long ms;
        try {
            ms = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms < MIN_TIMEOUT_MS || ms > maxWait.toMillis()) {
            throw ApiError.badRequest("timeoutMs", "must be milliseconds from " + MIN_TIMEOUT_MS + " to "
                    + maxWait.toMillis() + ", got '" + value + "'");
        }
        return Duration.ofMillis(ms);
    }
}
