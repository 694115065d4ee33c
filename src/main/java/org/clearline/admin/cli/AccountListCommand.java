package org.clearline.admin.cli;

import java.util.concurrent.Callable;
import org.clearline.admin.accounts.AccountService.Summary;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List all accounts.")
final class AccountListCommand implements Callable<Integer> {
    private final CliContext context;

    AccountListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            Table table = new Table("ACCOUNT", "DISPLAY NAME", "ENABLED", "REGISTERED", "NUMBERS");
            for (Summary s : context.accounts(store).list()) {
                table.add(s.account().sipId(), s.account().displayName(), s.account().enabled() ? "yes" : "no",
                        s.registrations(), String.join(", ", s.numbers()));
            }
            table.print(context.out());
        }
        return 0;
    }
}
