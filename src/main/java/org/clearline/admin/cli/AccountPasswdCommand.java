package org.clearline.admin.cli;

import java.util.concurrent.Callable;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password.")
final class AccountPasswdCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the SIP ID")
    String sipId;

    @Mixin
    PasswordOptions passwordOptions = new PasswordOptions();

    AccountPasswdCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            context.accounts(store).update(sipId, null, null, () -> passwordOptions.ha1(sipId, store, context.in()));
        }
        context.out().println("password of " + sipId + " changed");
        return 0;
    }
}
