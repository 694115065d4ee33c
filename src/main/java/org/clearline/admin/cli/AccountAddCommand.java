package org.clearline.admin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearline.admin.Refusal;
import org.clearline.admin.accounts.AccountService.NewAccount;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account.")
final class AccountAddCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the SIP ID (digest username and address user part)")
    String sipId;

    @Mixin
    PasswordOptions passwordOptions = new PasswordOptions();

    @Option(names = "--display-name", paramLabel = "N", description = "name shown in listings")
    String displayName = "";

    @Option(names = "--number", paramLabel = "+E164", description = "assign this number (repeatable)")
    List<String> numbers = new ArrayList<>();

    AccountAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            context.accounts(store).add(new NewAccount(sipId, displayName, numbers, true),
                    () -> passwordOptions.ha1(sipId, store, context.in()));
        } catch (Refusal r) {
            if (r.kind() == Refusal.Kind.CONFLICT && "sipId".equals(r.field())) {
                throw new CliException(r.getMessage() + " (change its password with 'account passwd')");
            }
            throw r;
        }
        context.out().println("added account " + sipId + (numbers.isEmpty() ? "" : " with " + String.join(", ", numbers)));
        return 0;
    }
}
