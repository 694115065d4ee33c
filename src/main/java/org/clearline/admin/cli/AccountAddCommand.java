package org.clearline.admin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clearline.store.Account;
import org.clearline.store.E164;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.SipIds;
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
        SipIds.problem(sipId).ifPresent(p -> { throw new CliException(p); });
        for (String number : numbers) E164.problem(number).ifPresent(p -> { throw new CliException(p); });
        try (JdbcStore store = context.openStore()) {
            if (store.accounts().find(sipId).isPresent()) {
                throw new CliException("account '" + sipId + "' already exists (change its password with 'account passwd')");
            }
            // check everything before writing anything
            for (String number : numbers) {
                Optional<String> owner = store.numbers().owner(number);
                if (owner.isPresent()) throw new CliException("number " + number + " already belongs to " + owner.get());
            }
            Ha1 ha1 = passwordOptions.ha1(sipId, store, context.in());
            store.accounts().put(new Account(sipId, displayName, ha1.md5(), ha1.sha256(), true));
            for (String number : numbers) store.numbers().assign(number, sipId);
        }
        context.out().println("added account " + sipId + (numbers.isEmpty() ? "" : " with " + String.join(", ", numbers)));
        return 0;
    }
}
