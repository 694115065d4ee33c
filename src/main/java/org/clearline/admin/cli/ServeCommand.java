package org.clearline.admin.cli;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.admin.config.ConfigException;
import org.clearline.admin.config.ConfigLoader;
import org.clearline.admin.config.Provisioner;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server: load the config, provision its accounts, serve until stopped.")
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
    Path config;

    @Option(names = "--sip-port", paramLabel = "N",
            description = "listen on this port instead of server.sip.port (0: any free port)")
    Integer sipPort;

    @Option(names = "--http-port", paramLabel = "N",
            description = "serve the API and dashboard on this port instead of server.http.port (0: any free port)")
    Integer httpPort;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws ConfigException {
        ClearlineConfig loaded = ConfigLoader.load(config);
        if (sipPort != null && (sipPort < 0 || sipPort > 65_535)) {
            throw new CliException("--sip-port must be 0..65535, got " + sipPort);
        }
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535)) {
            throw new CliException("--http-port must be 0..65535, got " + httpPort);
        }
        if (httpPort != null) {
            loaded = loaded.withServer(loaded.server().withHttp(loaded.server().http().withPort(httpPort)));
        }
        JdbcStore store = context.openStore();
        try {
            Provisioner.apply(loaded, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        context.serverRunner().run(loaded, store, sipPort == null ? OptionalInt.empty() : OptionalInt.of(sipPort));
        return 0;
    }
}
