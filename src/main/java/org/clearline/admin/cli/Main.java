package org.clearline.admin.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.clearline.time.Clock;
import picocli.CommandLine;

/** The {@code clearline} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.in, Clock.SYSTEM, ServerRunner.CLEARLINE));
    }

    /** Runs one command line; returns the exit code (0, or 2 after a one-line error on {@code err}). */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Clock clock, ServerRunner server) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CliContext context = new CliContext(outWriter, in, clock, server);
        try {
            return commandLine(context, outWriter, errWriter).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine account = new CommandLine(new AccountCommand())
                .addSubcommand("add", new AccountAddCommand(context))
                .addSubcommand("list", new AccountListCommand(context))
                .addSubcommand("show", new AccountShowCommand(context))
                .addSubcommand("passwd", new AccountPasswdCommand(context))
                .addSubcommand("remove", new AccountRemoveCommand(context));
        CommandLine number = new CommandLine(new NumberCommands.Group())
                .addSubcommand("assign", new NumberCommands.Assign(context))
                .addSubcommand("unassign", new NumberCommands.Unassign(context))
                .addSubcommand("list", new NumberCommands.ListNumbers(context));
        CommandLine line = new CommandLine(new LineCommands.Group())
                .addSubcommand("show", new LineCommands.Show(context))
                .addSubcommand("set", new LineCommands.Set_(context));
        CommandLine top = new CommandLine(new TopCommand(context))
                .addSubcommand("serve", new ServeCommand(context))
                .addSubcommand("account", account)
                .addSubcommand("number", number)
                .addSubcommand("line", line)
                .addSubcommand("maintenance", new MaintenanceCommand(context))
                .addSubcommand("explain", new ExplainCommand(context))
                .addSubcommand("calls", new CallsCommand(context))
                .addSubcommand("registrations", new RegistrationsCommand(context))
                .addSubcommand("diagnose", new DiagnoseCommand(context))
                .addSubcommand("analyze", new AnalyzeCommand(context));
        // set last: these setters reach the subcommands that exist at the time
        CliErrors errors = new CliErrors();
        top.setOut(out);
        top.setErr(err);
        top.setParameterExceptionHandler(errors);
        top.setExecutionExceptionHandler(errors);
        return top;
    }
}
