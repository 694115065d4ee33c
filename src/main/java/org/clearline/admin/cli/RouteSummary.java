package org.clearline.admin.cli;

import java.util.ArrayList;
import java.util.List;
import org.clearline.store.RouteStep;

/**
 * A call's route in a few words for the {@code calls} table: phones rung per
 * line, forwards, trunks, e.g. "bob: 2 phones, busy>peggy, peggy: 1 phone" or
 * "trunk carrier, failover backup". {@code explain} prints every step whole.
 */
final class RouteSummary {
    private RouteSummary() {}

    static String of(List<RouteStep> route) {
        if (route.isEmpty()) return "-";
        List<String> parts = new ArrayList<>();
        String line = null;
        int phones = 0;
        for (RouteStep s : route) {
            if (s.kind() == RouteStep.Kind.CONTACT) {
                String owner = owner(s.label());
                if (!owner.equals(line)) {
                    flush(parts, line, phones);
                    line = owner;
                    phones = 0;
                }
                phones++;
                continue;
            }
            flush(parts, line, phones);
            line = null;
            phones = 0;
            parts.add(switch (s.kind()) {
                case FORWARD -> s.detail() + ">" + target(s.label());
                case REDIRECT -> "redirect>" + target(s.label());
                case TRUNK -> s.label();
                case FAILOVER -> "failover " + s.label().replaceFirst("^trunk ", "");
                case RELAY -> "relay " + s.detail();
                case CONTACT -> throw new IllegalStateException("handled above");
            });
        }
        flush(parts, line, phones);
        return String.join(", ", parts);
    }

    private static void flush(List<String> parts, String line, int phones) {
        if (line != null) parts.add(line + ": " + phones + (phones == 1 ? " phone" : " phones"));
    }

    /** "bob: phone 1" is a phone of bob. */
    private static String owner(String label) {
        int colon = label.indexOf(':');
        return colon < 0 ? label : label.substring(0, colon);
    }

    /** "bob -> carol" forwards to carol. */
    private static String target(String label) {
        int arrow = label.indexOf("-> ");
        return arrow < 0 ? label : label.substring(arrow + 3);
    }
}
