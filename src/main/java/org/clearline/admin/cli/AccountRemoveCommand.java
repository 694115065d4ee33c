package org.clearline.admin.cli;

import java.util.concurrent.Callable;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an account with its numbers and registrations.")
final class AccountRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the SIP ID")
    String sipId;

    AccountRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int numbers;
        try (JdbcStore store = context.openStore()) {
            numbers = context.accounts(store).remove(sipId).size();
        }
        context.out().println("removed account " + sipId + (numbers == 0 ? "" : " and its " + numbers
                + (numbers == 1 ? " number" : " numbers")));
        return 0;
    }
}
