package org.clearline.interop.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The YAML configuration a test hands to the server: home domain, where it
 * listens, short timers so failure paths finish quickly, and the accounts.
 *
 * @param domain   home domain, also the digest realm (RFC 3261 §22.1)
 * @param port     UDP and TCP port on 127.0.0.1
 * @param accounts the accounts the server knows
 * @param digestAlgorithms the digest algorithms the server offers (server.auth.algorithms)
 */
public record ServerConfig(String domain, int port, List<TestAccount> accounts, List<String> digestAlgorithms) {

    public ServerConfig {
        accounts = List.copyOf(accounts);
        digestAlgorithms = List.copyOf(digestAlgorithms);
    }

    public ServerConfig(String domain, int port, List<TestAccount> accounts) {
        this(domain, port, accounts, List.of("MD5"));
    }

    /** The same configuration offering these digest algorithms, most preferred first. */
    public ServerConfig withDigestAlgorithms(List<String> algorithms) {
        return new ServerConfig(domain, port, accounts, algorithms);
    }

    /** Loopback server on a free port with the given accounts; domain = 127.0.0.1. */
    public static ServerConfig onFreePort(List<TestAccount> accounts) {
        return new ServerConfig(FreePorts.loopback().getHostAddress(), FreePorts.udpAndTcp(), accounts);
    }

    public TestAccount account(String sipId) {
        return accounts.stream().filter(a -> a.sipId().equals(sipId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test account " + sipId));
    }

    /** The same configuration on another port (a restart after a crash keeps the port). */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(domain, newPort, accounts, digestAlgorithms);
    }

    /** The YAML text; keys as in org.clearline.admin.config. */
    public String toYaml() {
        List<String> y = new ArrayList<>();
        y.add("server:");
        y.add("  domain: " + quote(domain));
        y.add("  sip: { listen: " + quote(FreePorts.loopback().getHostAddress()) + ", port: " + port + " }");
        // RFC 3261 default timers: the retransmission test relies on real T1 back-off
        y.add("  timers: { t1: 500ms, t2: 4s, t4: 5s }");
        y.add("  registrar: { minExpires: 60s, maxExpires: 3600s, defaultExpires: 3600s }");
        y.add("  proxy: { timerC: 180s }");
        // any free port: several servers run side by side; server.json in the data directory names it
        y.add("  http: { listen: 127.0.0.1, port: 0 }");
        y.add("  auth: { algorithms: [" + String.join(", ", digestAlgorithms) + "] }");
        y.add("accounts:");
        for (TestAccount a : accounts) {
            y.add("  - sipId: " + quote(a.sipId()));
            y.add("    password: " + quote(a.password()));
            StringBuilder numbers = new StringBuilder("    numbers: [");
            for (int i = 0; i < a.numbers().size(); i++) {
                if (i > 0) numbers.append(", ");
                numbers.append(quote(a.numbers().get(i)));
            }
            y.add(numbers.append(']').toString());
        }
        return String.join("\n", y) + "\n";
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
