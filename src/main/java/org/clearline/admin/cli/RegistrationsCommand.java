package org.clearline.admin.cli;

import java.util.concurrent.Callable;
import org.clearline.store.JdbcStore;
import org.clearline.store.Registration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "registrations", mixinStandardHelpOptions = true,
        description = "List current (unexpired) contact bindings, of all accounts or of one.")
final class RegistrationsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "0..1", paramLabel = "ACCOUNT", description = "only this account's bindings")
    String sipId;

    RegistrationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (JdbcStore store = context.openStore()) {
            if (sipId != null && store.accounts().find(sipId).isEmpty()) {
                throw new CliException("account '" + sipId + "' does not exist");
            }
            long now = context.clock().epochMillis();
            Table table = new Table("ACCOUNT", "CONTACT", "SOURCE", "USER AGENT", "EXPIRES");
            for (Registration r : store.registrations().loadAll()) {
                if (r.expiresAt() <= now || (sipId != null && !sipId.equals(r.sipId()))) continue;
                table.add(r.sipId(), r.contact(), r.source(), r.userAgent(), Expiry.in(r.expiresAt(), now));
            }
            table.print(context.out());
        }
        return 0;
    }
}
