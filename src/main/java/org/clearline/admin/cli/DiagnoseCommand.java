package org.clearline.admin.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.diagnose.Diagnosis;
import org.clearline.admin.diagnose.DiagnosisSources;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.core.probe.ProbeSettings;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diagnose ACCOUNT}: asks the running server (its administration
 * listener), so the OPTIONS to the account's phones leave from the server's own
 * sockets as calls would; with no server running, reads the store alone and
 * says that reachability was not checked.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose one account: registered phones and whether the server reaches them (OPTIONS),"
                + " line features, recent failed calls and registrations, failed log-ins.")
final class DiagnoseCommand implements Callable<Integer> {
    private static final Pattern TIMEOUT = Pattern.compile("([0-9]{1,6})(ms|s)");
    /** The shortest wait worth asking for (the API refuses less). */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    /** Beyond the probes' wait, how long the HTTP request may take (store reads, the answer itself). */
    private static final Duration HTTP_SLACK = Duration.ofSeconds(20);

    private final CliContext context;

    @Parameters(paramLabel = "ACCOUNT", description = "the SIP ID")
    String sipId;

    @Option(names = "--no-probe", description = "do not send OPTIONS to the account's phones")
    boolean noProbe;

    @Option(names = "--json", description = "print the diagnosis as JSON, as GET /api/v1/accounts/{id}/diagnosis does")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "how long to wait for the phones to answer, e.g. 1500ms or 2s (default and most: 4s)")
    String timeout;

    DiagnoseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Duration wait = timeout == null ? null : parseTimeout(timeout);
        Optional<RuntimeFile> server = RuntimeFile.ofRunningServer(context.dataDir());
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Diagnosis d;
        if (server.isPresent()) {
            String body = new RunningServer(server.get(), context.dataDir()).get(path(wait), 
                    (wait == null ? ProbeSettings.DEFAULT.maxWait() : wait).plus(HTTP_SLACK));
            d = mapper.readValue(body, Diagnosis.class);
        } else {
            try (JdbcStore store = context.openStore()) {
                d = new Diagnoser(DiagnosisSources.of(store), context.clock(), null)
                        .diagnose(sipId, new Diagnoser.Options(false, null))
                        .orElseThrow(() -> new CliException("account '" + sipId + "' does not exist"));
            }
        }
        if (json) {
            context.out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(d));
            context.out().flush();
        } else {
            DiagnosisText.print(d, context.out());
        }
        return 0;
    }

    private String path(Duration wait) {
        StringBuilder p = new StringBuilder("/api/v1/accounts/")
                .append(URLEncoder.encode(sipId, StandardCharsets.UTF_8).replace("+", "%20")).append("/diagnosis");
        p.append("?probe=").append(!noProbe);
        if (wait != null) p.append("&timeoutMs=").append(wait.toMillis());
        return p.toString();
    }

    private static Duration parseTimeout(String text) {
        Matcher m = TIMEOUT.matcher(text.strip());
        Duration max = ProbeSettings.DEFAULT.maxWait();
        Duration d = !m.matches() ? null
                : m.group(2).equals("ms") ? Duration.ofMillis(Long.parseLong(m.group(1)))
                : Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (d == null || d.compareTo(MIN_TIMEOUT) < 0 || d.compareTo(max) > 0) {
            throw new CliException("diagnose: --timeout must be from " + MIN_TIMEOUT.toMillis() + "ms to "
                    + max.toSeconds() + "s, such as 1500ms or 2s, got '" + text + "'");
        }
        return d;
    }
}
