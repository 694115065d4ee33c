package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearline.store.Account;
import org.clearline.store.JdbcStore;
import org.clearline.store.Registration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one account: display name, numbers and current registrations.")
final class AccountShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the SIP ID")
    String sipId;

    AccountShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            Account account = store.accounts().find(sipId)
                    .orElseThrow(() -> new CliException("account '" + sipId + "' does not exist"));
            List<String> numbers = store.numbers().numbersOf(sipId);
            long now = context.clock().epochMillis();
            List<Registration> bindings = store.registrations().loadAll().stream()
                    .filter(r -> r.sipId().equals(sipId) && r.expiresAt() > now).toList();
            PrintWriter out = context.out();
            out.println("account:       " + account.sipId());
            out.println("display name:  " + account.displayName());
            out.println("enabled:       " + (account.enabled() ? "yes" : "no"));
            out.println("numbers:       " + (numbers.isEmpty() ? "(none)" : String.join(", ", numbers)));
            out.println("registrations: " + (bindings.isEmpty() ? "(none)" : bindings.size()));
            if (!bindings.isEmpty()) {
                Table table = new Table("  CONTACT", "SOURCE", "USER AGENT", "EXPIRES");
                for (Registration r : bindings) {
                    table.add("  " + r.contact(), r.source(), r.userAgent(), Expiry.in(r.expiresAt(), now));
                }
                table.print(out);
            }
            out.flush();
        }
        return 0;
    }
}
