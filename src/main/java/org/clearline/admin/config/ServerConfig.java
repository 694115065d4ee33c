package org.clearline.admin.config;

import java.util.List;
import org.clearline.transaction.TimerConfig;

/**
 * The {@code server} section.
 *
 * @param domain    the home domain: requests for it are ours, and it is the digest realm (§22.1)
 * @param aliases   other host names served as local (the server's own addresses always are)
 * @param sip       where to listen and what to advertise
 * @param timers    T1, T2, T4 of §17 (Table 4)
 * @param registrar expiry bounds of bindings (§10.3)
 * @param auth      digest challenge settings (§22)
 * @param proxy     proxy timers (§16)
 * @param limits    size limits of incoming messages
 * @param dialPlan  how short numbers become E.164
 * @param http      the administration listener (REST API, dashboard, metrics)
 */
public record ServerConfig(String domain, List<String> aliases, SipConfig sip, TimerConfig timers,
                           RegistrarConfig registrar, AuthConfig auth, ProxyConfig proxy, LimitsConfig limits,
                           DialPlanConfig dialPlan, HttpConfig http) {
    public ServerConfig {
        aliases = List.copyOf(aliases);
    }

    /** Every default, with the one value that has none. */
    public static ServerConfig defaults(String domain) {
        return new ServerConfig(domain, List.of(), SipConfig.DEFAULT, TimerConfig.DEFAULT, RegistrarConfig.DEFAULT,
                AuthConfig.DEFAULT, ProxyConfig.DEFAULT, LimitsConfig.DEFAULT, DialPlanConfig.DEFAULT, HttpConfig.DEFAULT);
    }

    /** The same configuration with another administration listener (the CLI's --http-port). */
    public ServerConfig withHttp(HttpConfig newHttp) {
        return new ServerConfig(domain, aliases, sip, timers, registrar, auth, proxy, limits, dialPlan, newHttp);
    }
}
