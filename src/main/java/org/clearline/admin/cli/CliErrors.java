package org.clearline.admin.cli;

import java.util.List;
import org.clearline.admin.Refusal;
import org.clearline.admin.config.ConfigException;
import org.clearline.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every failure the user sees is one line on stderr, "clearline: <problem>",
 * with exit code 2; the stack trace goes to the DEBUG log only.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code of every refused command line or failed command. */
    static final int FAILED = 2;

    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        log.debug("command line refused", ex);
        CommandLine command = ex.getCommandLine();
        command.getErr().println("clearline: " + describe(ex, command));
        command.getErr().flush();
        return FAILED;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        log.debug("command failed", ex);
        String message = switch (ex) {
            case CliException e -> e.getMessage();
            case Refusal e -> e.getMessage();
            case StoreException e -> e.getMessage();
            case ConfigException e -> e.getMessage();
            case org.clearline.admin.StartupException e -> e.getMessage();
            default -> "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + " (details with -Dclearline.log.level=DEBUG)";
        };
        command.getErr().println("clearline: " + message.strip().lines().findFirst().orElse(message));
        command.getErr().flush();
        return FAILED;
    }

    private static String describe(ParameterException ex, CommandLine command) {
        String name = commandPath(command);
        String help = "see 'clearline" + (name.isEmpty() ? "" : " " + name) + " --help'";
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().getFirst();
            List<String> subcommands = List.copyOf(command.getSubcommands().keySet());
            if (!first.startsWith("-") && !subcommands.isEmpty()) {
                return "unknown command '" + (name.isEmpty() ? "" : name + " ") + first + "' (commands: "
                        + String.join(", ", subcommands) + ")";
            }
            List<String> suggestions = unmatched.getSuggestions();
            String hint = suggestions.isEmpty() ? help : "did you mean " + String.join(" or ", suggestions) + "?";
            return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'"
                    + (name.isEmpty() ? "" : " for " + name) + "; " + hint;
        }
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage().strip();
        message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        return (name.isEmpty() ? "" : name + ": ") + message + "; " + help;
    }

    /** "account add" for clearline's subcommand "account add", empty for the top command. */
    private static String commandPath(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }
}
