package org.clearline.admin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clearline.admin.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "clearline", mixinStandardHelpOptions = true, version = "clearline " + Release.VERSION,
        description = "Clearline SIP registrar and proxy: run the server and manage its accounts.")
final class TopCommand implements Callable<Integer> {
    private final CliContext context;

    TopCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "data directory holding the store (default: ./data)")
    void dataDir(Path dir) {
        context.dataDir(dir);
    }

    @Override
    public Integer call() {
        throw new CliException("missing command (serve, account, number, line, maintenance, explain, calls, registrations, diagnose, analyze); see 'clearline --help'");
    }
}
