package org.clearline.admin.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.clearline.admin.accounts.Bindings;
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
            Bindings bindings = Bindings.stored(store.registrations(), context.clock());
            List<Registration> shown = sipId == null ? bindings.all() : bindings.of(context.accounts(store).require(sipId).sipId());
            long now = context.clock().epochMillis();
            Table table = new Table("ACCOUNT", "CONTACT", "SOURCE", "USER AGENT", "EXPIRES");
            for (Registration r : shown) {
                table.add(r.sipId(), r.contact(), r.source(), r.userAgent(), Expiry.in(r.expiresAt(), now));
            }
            table.print(context.out());
        }
        return 0;
    }
}
