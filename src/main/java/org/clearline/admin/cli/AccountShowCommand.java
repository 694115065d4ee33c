package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clearline.admin.accounts.AccountService.Detail;
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
            Detail d = context.accounts(store).show(sipId);
            long now = context.clock().epochMillis();
            PrintWriter out = context.out();
            out.println("account:       " + d.account().sipId());
            out.println("display name:  " + d.account().displayName());
            out.println("enabled:       " + (d.account().enabled() ? "yes" : "no"));
            out.println("numbers:       " + (d.numbers().isEmpty() ? "(none)" : String.join(", ", d.numbers())));
            out.println("registrations: " + (d.registrations().isEmpty() ? "(none)" : d.registrations().size()));
            if (!d.registrations().isEmpty()) {
                Table table = new Table("  CONTACT", "SOURCE", "USER AGENT", "EXPIRES");
                for (Registration r : d.registrations()) {
                    table.add("  " + r.contact(), r.source(), r.userAgent(), Expiry.in(r.expiresAt(), now));
                }
                table.print(out);
            }
            out.flush();
        }
        return 0;
    }
}
