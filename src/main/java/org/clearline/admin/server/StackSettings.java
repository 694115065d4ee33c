package org.clearline.admin.server;

import java.time.Duration;
import java.util.List;
import org.clearline.calllog.CallLogSettings;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.features.Trunk;
import org.clearline.transaction.TimerConfig;
import org.clearline.transport.TransportConfig;

/**
 * Everything the SIP stack needs to start, already validated: the typed
 * configuration mapped onto each layer's own settings.
 *
 * @param domain         home domain and digest realm
 * @param aliases        further names of this server
 * @param transport      sockets and limits
 * @param timers         T1, T2, T4
 * @param registrar      expiry policy
 * @param proxy          Timer C, Max-Forwards
 * @param nonceLifetime  how long a digest nonce stays valid
 * @param algorithms     digest algorithms offered, most preferred first
 * @param countryCode    dial plan: country code without "+"
 * @param areaCode       dial plan: area code without trunk prefix
 * @param drainTimeout   how long SIGTERM waits for transactions to end
 * @param premiumPrefixes E.164 prefixes that need the premium permission
 * @param trunks         gateways for numbers that live elsewhere
 * @param maxForwardDepth followed forwards one call may pass
 * @param callLog        the call and registration log: on or off, ladders kept, retention
 */
public record StackSettings(String domain, List<String> aliases, TransportConfig transport, TimerConfig timers,
                            RegistrarConfig registrar, ProxyConfig proxy, Duration nonceLifetime,
                            List<DigestAlgorithm> algorithms, String countryCode, String areaCode,
                            Duration drainTimeout, List<String> premiumPrefixes, List<Trunk> trunks,
                            int maxForwardDepth, CallLogSettings callLog) {
    public StackSettings {
        aliases = List.copyOf(aliases);
        algorithms = List.copyOf(algorithms);
        premiumPrefixes = List.copyOf(premiumPrefixes);
        trunks = List.copyOf(trunks);
        callLog = callLog == null ? CallLogSettings.DEFAULT : callLog;
    }

    /** Settings with the call log's defaults. */
    public StackSettings(String domain, List<String> aliases, TransportConfig transport, TimerConfig timers,
                         RegistrarConfig registrar, ProxyConfig proxy, Duration nonceLifetime,
                         List<DigestAlgorithm> algorithms, String countryCode, String areaCode,
                         Duration drainTimeout, List<String> premiumPrefixes, List<Trunk> trunks,
                         int maxForwardDepth) {
        this(domain, aliases, transport, timers, registrar, proxy, nonceLifetime, algorithms, countryCode, areaCode,
                drainTimeout, premiumPrefixes, trunks, maxForwardDepth, CallLogSettings.DEFAULT);
    }

    /** The same settings with another call log configuration. */
    public StackSettings withCallLog(CallLogSettings log) {
        return new StackSettings(domain, aliases, transport, timers, registrar, proxy, nonceLifetime, algorithms,
                countryCode, areaCode, drainTimeout, premiumPrefixes, trunks, maxForwardDepth, log);
    }

    /** Default premium-rate prefixes of the German numbering plan (0900, 0137, 0180 services). */
    public static final List<String> GERMAN_PREMIUM = List.of("+49900", "+49137", "+49180");

    /** How many followed forwards a call may pass before 483. */
    public static final int DEFAULT_FORWARD_DEPTH = 5;
}
