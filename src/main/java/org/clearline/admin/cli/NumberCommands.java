package org.clearline.admin.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.clearline.admin.accounts.NumberService;
import org.clearline.store.JdbcStore;
import org.clearline.store.NumberStore.NumberAssignment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code number assign|unassign|list}: E.164 numbers of accounts. */
final class NumberCommands {
    private NumberCommands() {}

    @Command(name = "number", mixinStandardHelpOptions = true, description = "Assign E.164 numbers to accounts.")
    static final class Group implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new CliException("number: missing command (assign, unassign, list); see 'clearline number --help'");
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign (or move) a number to an account.")
    static final class Assign implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "NUMBER", description = "E.164, e.g. +493012345001")
        String number;

        @Parameters(index = "1", paramLabel = "ACCOUNT", description = "the SIP ID")
        String sipId;

        Assign(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<String> previous;
            try (JdbcStore store = context.openStore()) {
                previous = new NumberService(store).assign(number, sipId);
            }
            String moved = previous.filter(p -> !p.equals(sipId)).map(p -> " (was " + p + "'s)").orElse("");
            context.out().println("assigned " + number + " to " + sipId + moved);
            return 0;
        }
    }

    @Command(name = "unassign", mixinStandardHelpOptions = true, description = "Take a number away from its account.")
    static final class Unassign implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NUMBER", description = "E.164, e.g. +493012345001")
        String number;

        Unassign(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (JdbcStore store = context.openStore()) {
                new NumberService(store).unassign(number);
            }
            context.out().println("unassigned " + number);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all assigned numbers.")
    static final class ListNumbers implements Callable<Integer> {
        private final CliContext context;

        ListNumbers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (JdbcStore store = context.openStore()) {
                Table table = new Table("NUMBER", "ACCOUNT");
                for (NumberAssignment a : new NumberService(store).list()) table.add(a.number(), a.sipId());
                table.print(context.out());
            }
            return 0;
        }
    }
}
