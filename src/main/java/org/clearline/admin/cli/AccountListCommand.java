package org.clearline.admin.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clearline.store.Account;
import org.clearline.store.JdbcStore;
import org.clearline.store.NumberStore.NumberAssignment;
import org.clearline.store.Registration;
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
            Map<String, String> numbers = new HashMap<>();
            for (NumberAssignment a : store.numbers().list()) numbers.merge(a.sipId(), a.number(), (x, y) -> x + ", " + y);
            Map<String, Integer> bindings = new HashMap<>();
            long now = context.clock().epochMillis();
            for (Registration r : store.registrations().loadAll()) {
                if (r.expiresAt() > now) bindings.merge(r.sipId(), 1, Integer::sum);
            }
            Table table = new Table("ACCOUNT", "DISPLAY NAME", "ENABLED", "REGISTERED", "NUMBERS");
            List<Account> accounts = store.accounts().list();
            for (Account a : accounts) {
                table.add(a.sipId(), a.displayName(), a.enabled() ? "yes" : "no", bindings.getOrDefault(a.sipId(), 0),
                        numbers.getOrDefault(a.sipId(), ""));
            }
            table.print(context.out());
        }
        return 0;
    }
}
