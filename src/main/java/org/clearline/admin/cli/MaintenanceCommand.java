package org.clearline.admin.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.clearline.admin.server.Maintenance;
import org.clearline.admin.server.SipStack;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code maintenance on|off|status}: while on, the running server answers new
 * calls and registrations with 503 and Retry-After; calls in progress go on.
 */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Switch maintenance mode: new calls and registrations get 503 with Retry-After.")
final class MaintenanceCommand implements Callable<Integer> {
    /** The store meta key the server polls (see SipStack). */
    static final String META_KEY = SipStack.META_MAINTENANCE;

    private final CliContext context;

    @Parameters(paramLabel = "on|off|status", description = "switch on, off, or show the current state")
    String state;

    MaintenanceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String s = state.toLowerCase(Locale.ROOT);
        try (JdbcStore store = context.openStore()) {
            switch (s) {
                case "on", "off" -> {
                    Maintenance.set(store, s.equals("on"));
                    context.out().println("maintenance " + s + (s.equals("on")
                            ? ": new calls and registrations get 503 (a running server notices within a second)"
                            : ""));
                }
                case "status" -> context.out().println("maintenance " + (Maintenance.on(store) ? "on" : "off"));
                default -> throw new CliException("maintenance: expected on, off or status, got '" + state + "'");
            }
        }
        return 0;
    }
}
