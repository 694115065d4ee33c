package org.clearline.admin.api;

import io.javalin.http.Context;
import java.util.List;
import org.clearline.admin.Release;
import org.clearline.admin.http.ApiError;
import org.clearline.admin.server.Maintenance;
import org.clearline.admin.server.SipStack;
import org.clearline.transport.ListeningPoint;

/**
 * {@code GET /status}: what the server is, where it listens and how busy it is;
 * {@code /maintenance}: the switch that makes new calls and registrations get 503.
 */
final class StatusResource {
    record Status(String version, String domain, String startedAt, long uptimeSeconds,
                  List<Listening> listeningPoints, Counts counts, boolean maintenance, boolean draining,
                  long callLogDropped, boolean callLogLean, long callLogMessagesNotKept) {}

    /** One SIP socket: transport ("udp", "tcp"), the advertised host and the port. */
    record Listening(String transport, String host, int port) {}

    record Counts(int accounts, int bindings, int registeredAccounts, int activeCalls, int transactions) {}

    /** The body of {@code PUT /maintenance}. */
    record MaintenanceBody(Boolean on) {}

    /**
     * @param on      the switch as stored
     * @param inForce whether the running stack already applies it (it polls the store every second)
     */
    record MaintenanceState(boolean on, boolean inForce) {}

    private final SipStack stack;

    StatusResource(SipStack stack) {
        this.stack = stack;
    }

    void routes(ApiRoutes r) {
        r.get("/status", this::status)
                .get("/maintenance", this::maintenance)
                .put("/maintenance", this::switchMaintenance);
    }

    private void status(Context ctx) {
        long now = stack.clock().epochMillis();
        List<Listening> points = stack.listeningPoints().stream().map(StatusResource::listening).toList();
        Counts counts = new Counts(stack.directory().accountCount(), stack.location().size(),
                stack.location().accounts(), stack.activeCalls().total(), stack.activeTransactions());
        ctx.json(new Status(Release.VERSION, stack.settings().domain(), Params.time(stack.startedAt()),
                Math.max(0, (now - stack.startedAt()) / 1000), points, counts, stack.dispatcher().maintenance(),
                stack.dispatcher().draining(), stack.callLogDropped(), stack.callLog().lean(),
                stack.callLog().messagesNotKept()));
    }

    private void maintenance(Context ctx) {
        ctx.json(new MaintenanceState(Maintenance.on(stack.store()), stack.dispatcher().maintenance()));
    }

    private void switchMaintenance(Context ctx) {
        MaintenanceBody b = Params.body(ctx, MaintenanceBody.class);
        if (b.on() == null) throw ApiError.badRequest("on", "on is required: true or false");
        Maintenance.set(stack.store(), b.on());
        maintenance(ctx);
    }

    private static Listening listening(ListeningPoint p) {
        return new Listening(p.protocol().lowerName(), p.host(), p.port());
    }
}
