package org.clearline.admin.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.clearline.admin.Refusal;
import org.clearline.admin.calls.CallLogQuery;
import org.clearline.admin.calls.Since;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calls", mixinStandardHelpOptions = true,
        description = "List logged call attempts, newest first, with the route each took;"
                + " 'clearline explain CALL-ID' tells one call whole.")
final class CallsCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--failed", description = "only calls that ended with a code of 300 or above")
    boolean failed;

    @Option(names = "--account", paramLabel = "ID", description = "only calls from or to this account or number")
    String account;

    @Option(names = "--since", paramLabel = "DURATION|ISO-TIME",
            description = "only calls since then: an age such as 30m, 2h, 7d, or a time such as 2026-01-01T08:00:00Z")
    String since;

    @Option(names = "--code", paramLabel = "CODE", description = "only calls that ended with this status code, e.g. 486")
    Integer code;

    @Option(names = "--limit", paramLabel = "N",
            description = "at most N calls (default: " + CallLogQuery.DEFAULT_LIMIT + ")")
    int limit = CallLogQuery.DEFAULT_LIMIT;

    CallsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            List<CallRecord> calls;
            try {
                calls = new CallLogQuery(store.callLog(), context.clock()).calls(failed, account, since, code, limit);
            } catch (Refusal r) {
                throw CliException.option("calls", r);
            }
            Table table = new Table("TIME (UTC)", "CALL-ID", "CALLER", "CALLEE", "CODE", "SITUATION", "DURATION",
                    "ROUTE");
            for (CallRecord r : calls) {
                table.add(Since.format(r.startedAt()), r.callId(), r.callerUser().isEmpty() ? r.caller() : r.callerUser(),
                        r.callee(), r.code(), r.situation() == null ? "-" : r.situation(), duration(r.durationMillis()),
                        RouteSummary.of(r.route()));
            }
            table.print(context.out());
        }
        return 0;
    }

    /** "1:05:09", "4:07" or "-" when the call was not answered. */
    static String duration(long millis) {
        if (millis < 0) return "-";
        long s = millis / 1000;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
