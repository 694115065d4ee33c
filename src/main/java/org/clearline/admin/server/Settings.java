package org.clearline.admin.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.clearline.admin.config.CallLogConfig;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.admin.config.ServerConfig;
import org.clearline.admin.config.TrunkConfig;
import org.clearline.calllog.CallLogSettings;
import org.clearline.core.routing.Target;
import org.clearline.features.Trunk;
import org.clearline.transport.TransportProtocol;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.transport.Hosts;
import org.clearline.transport.TransportConfig;

/** Maps the validated configuration file onto each layer's own settings. */
public final class Settings {
    /** Bindings per account (§10.3: a registrar may limit them). */
    static final int MAX_CONTACTS_PER_ACCOUNT = 10;
    /** SIGTERM waits this long for open transactions before closing the sockets. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private Settings() {}

    public static StackSettings of(ClearlineConfig config, Integer sipPortOverride) {
        ServerConfig s = config.server();
        int port = sipPortOverride != null ? sipPortOverride : s.sip().port();
        String listen = s.sip().listen();
        String advertise = s.sip().advertise().orElseGet(() -> defaultAdvertised(listen));
        SyntaxLimits limits = new SyntaxLimits(s.limits().maxMessageBytes(),
                Math.min(SyntaxLimits.DEFAULT.maxHeaderBytes(), s.limits().maxMessageBytes()),
                SyntaxLimits.DEFAULT.maxHeaders(), SyntaxLimits.DEFAULT.maxLineBytes());
        TransportConfig transport = TransportConfig.of(listen, port).withAdvertisedHost(advertise).withLimits(limits);
        RegistrarConfig registrar = new RegistrarConfig(s.registrar().minExpires(), s.registrar().maxExpires(),
                s.registrar().defaultExpires(), MAX_CONTACTS_PER_ACCOUNT);
        ProxyConfig proxy = new ProxyConfig(s.proxy().timerC(), ProxyConfig.DEFAULT.defaultMaxForwards());
        return new StackSettings(s.domain(), s.aliases(), transport, s.timers(), registrar, proxy,
                s.auth().nonceLifetime(), s.auth().algorithms().stream().map(DigestAlgorithm::fromToken).toList(),
                s.dialPlan().countryCode(), s.dialPlan().areaCode(), DRAIN_TIMEOUT, StackSettings.GERMAN_PREMIUM,
                trunks(config.trunks()), StackSettings.DEFAULT_FORWARD_DEPTH, callLog(config.callLog()));
    }

    static CallLogSettings callLog(CallLogConfig c) {
        CallLogSettings.Ladders ladders = switch (c.ladders()) {
            case ALL -> CallLogSettings.Ladders.ALL;
            case FAILED -> CallLogSettings.Ladders.FAILED;
            case NONE -> CallLogSettings.Ladders.NONE;
        };
        return new CallLogSettings(c.enabled(), ladders,
                new CallLogSettings.Retention(c.retentionDays(), c.maxCalls(), c.maxRegistrations()));
    }

    private static List<Trunk> trunks(List<TrunkConfig> configured) {
        List<Trunk> out = new java.util.ArrayList<>(configured.size());
        for (TrunkConfig t : configured) {
            Target.Credentials creds = t.username().isPresent()
                    ? new Target.Credentials(t.username().get(), t.password().orElse("")) : null;
            out.add(new Trunk(t.name(), t.host(), t.port(), TransportProtocol.fromToken(t.transport()), creds,
                    t.prefixes()));
        }
        return out;
    }

    /**
     * The address written into Via and Record-Route when the file names none: the
     * listening address, or for the wildcard the first non-loopback IPv4 address
     * (phones must be able to reach it), falling back to loopback.
     */
    private static String defaultAdvertised(String listen) {
        InetAddress bind = Hosts.literal(listen);
        if (bind == null || !bind.isAnyLocalAddress()) return listen;
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) continue;
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) return a.getHostAddress();
                }
            }
        } catch (java.net.SocketException e) {
            // fall through to loopback
        }
        return "127.0.0.1";
    }
}
