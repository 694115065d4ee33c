package org.clearline.admin.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clearline.transaction.TimerConfig;

/** Reads and validates the {@code server} section. */
final class ServerConfigReader {
    /** §20.19: Expires is a 32-bit count of seconds. */
    private static final long MAX_EXPIRES_SECONDS = 4_294_967_295L;
    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern AREA_CODE = Pattern.compile("([1-9][0-9]{0,5})?");

    private ServerConfigReader() {}

    static ServerConfig read(ConfigNode root) throws ConfigException {
        ConfigNode server = root.section("server",
                List.of("domain", "aliases", "sip", "timers", "registrar", "auth", "proxy", "limits", "dialPlan", "http"));
        String domain = server.requiredText("domain", "the SIP domain this server is home for, e.g. demo.clearline.test");
        if (!Hosts.isHost(domain)) throw server.error("domain", "must be a host name or IP address, got \"" + domain + "\"");
        List<String> aliases = server.textList("aliases");
        for (int i = 0; i < aliases.size(); i++) {
            if (!Hosts.isHost(aliases.get(i))) {
                throw new ConfigException(server.key("aliases") + "[" + i + "]",
                        "must be a host name or IP address, got \"" + aliases.get(i) + "\"");
            }
        }
        return new ServerConfig(domain, aliases, sip(server), timers(server), registrar(server), auth(server),
                proxy(server), limits(server), dialPlan(server), http(server));
    }

    private static HttpConfig http(ConfigNode server) throws ConfigException {
        ConfigNode http = server.section("http", List.of("enabled", "listen", "port", "password"));
        HttpConfig d = HttpConfig.DEFAULT;
        boolean enabled = http.bool("enabled", d.enabled());
        String listen = http.text("listen", d.listen());
        if (!Hosts.isIpLiteral(listen)) {
            throw http.error("listen", "must be an IP address such as 127.0.0.1, got \"" + listen + "\"");
        }
        int port = http.integer("port", d.port(), 0, 65_535);
        Optional<String> password = http.optionalText("password");
        if (password.isPresent() && password.get().length() < 8) {
            throw http.error("password", "must have at least 8 characters");
        }
        return new HttpConfig(enabled, listen, port, password);
    }

    private static SipConfig sip(ConfigNode server) throws ConfigException {
        ConfigNode sip = server.section("sip", List.of("listen", "port", "advertise"));
        String listen = sip.text("listen", SipConfig.DEFAULT.listen());
        if (!Hosts.isIpLiteral(listen)) {
            throw sip.error("listen", "must be an IP address such as 0.0.0.0 or 127.0.0.1, got \"" + listen + "\"");
        }
        int port = sip.integer("port", SipConfig.DEFAULT.port(), 1, 65_535);
        Optional<String> advertise = sip.optionalText("advertise");
        if (advertise.isPresent() && !Hosts.isHost(advertise.get())) {
            throw sip.error("advertise", "must be a host name or IP address, got \"" + advertise.get() + "\"");
        }
        return new SipConfig(listen, port, advertise);
    }

    private static TimerConfig timers(ConfigNode server) throws ConfigException {
        ConfigNode timers = server.section("timers", List.of("t1", "t2", "t4"));
        TimerConfig d = TimerConfig.DEFAULT;
        Duration t1 = timers.duration("t1", d.t1(), false);
        Duration t2 = timers.duration("t2", d.t2(), false);
        Duration t4 = timers.duration("t4", d.t4(), false);
        if (t2.compareTo(t1) < 0) {
            // §17.1.2.2: T2 caps the retransmit interval that starts at T1
            throw timers.error("t2", "must not be shorter than t1 (" + Durations.format(t1) + "), got " + Durations.format(t2));
        }
        return new TimerConfig(t1, t2, t4);
    }

    private static RegistrarConfig registrar(ConfigNode server) throws ConfigException {
        ConfigNode registrar = server.section("registrar", List.of("minExpires", "maxExpires", "defaultExpires"));
        RegistrarConfig d = RegistrarConfig.DEFAULT;
        Duration min = expiry(registrar, "minExpires", d.minExpires());
        Duration max = expiry(registrar, "maxExpires", d.maxExpires());
        Duration def = expiry(registrar, "defaultExpires", d.defaultExpires());
        if (max.compareTo(min) < 0) {
            throw registrar.error("maxExpires", "must not be shorter than minExpires (" + Durations.format(min)
                    + "), got " + Durations.format(max));
        }
        if (def.compareTo(min) < 0 || def.compareTo(max) > 0) {
            throw registrar.error("defaultExpires", "must be between minExpires (" + Durations.format(min)
                    + ") and maxExpires (" + Durations.format(max) + "), got " + Durations.format(def));
        }
        return new RegistrarConfig(min, max, def);
    }

    /** Expires values travel as whole seconds (§20.19), so the config must give whole seconds. */
    private static Duration expiry(ConfigNode section, String name, Duration defaultValue) throws ConfigException {
        Duration value = section.duration(name, defaultValue, true);
        if (value.toMillis() % 1000 != 0) {
            throw section.error(name, "must be whole seconds, got " + Durations.format(value));
        }
        if (value.toSeconds() > MAX_EXPIRES_SECONDS) {
            throw section.error(name, "must be at most " + MAX_EXPIRES_SECONDS + "s, got " + value.toSeconds() + "s");
        }
        return value;
    }

    private static AuthConfig auth(ConfigNode server) throws ConfigException {
        ConfigNode auth = server.section("auth", List.of("nonceLifetime", "algorithms"));
        List<String> algorithms = auth.has("algorithms") ? auth.textList("algorithms") : AuthConfig.DEFAULT.algorithms();
        if (algorithms.isEmpty()) throw auth.error("algorithms", "needs at least one of MD5, SHA-256");
        for (int i = 0; i < algorithms.size(); i++) {
            String a = algorithms.get(i);
            if (!a.equalsIgnoreCase("MD5") && !a.equalsIgnoreCase("SHA-256")) {
                throw new ConfigException(auth.key("algorithms") + "[" + i + "]", "must be MD5 or SHA-256, got \"" + a + "\"");
            }
        }
        return new AuthConfig(auth.duration("nonceLifetime", AuthConfig.DEFAULT.nonceLifetime(), true), algorithms);
    }

    private static ProxyConfig proxy(ConfigNode server) throws ConfigException {
        ConfigNode proxy = server.section("proxy", List.of("timerC"));
        return new ProxyConfig(proxy.duration("timerC", ProxyConfig.DEFAULT.timerC(), true));
    }

    private static LimitsConfig limits(ConfigNode server) throws ConfigException {
        ConfigNode limits = server.section("limits", List.of("maxMessageBytes"));
        return new LimitsConfig(limits.integer("maxMessageBytes", LimitsConfig.DEFAULT.maxMessageBytes(),
                LimitsConfig.MIN_MESSAGE_BYTES, LimitsConfig.MAX_MESSAGE_BYTES));
    }

    private static DialPlanConfig dialPlan(ConfigNode server) throws ConfigException {
        ConfigNode dialPlan = server.section("dialPlan", List.of("countryCode", "areaCode"));
        String countryCode = dialPlan.text("countryCode", DialPlanConfig.DEFAULT.countryCode());
        if (!COUNTRY_CODE.matcher(countryCode).matches()) {
            throw dialPlan.error("countryCode", "must be 1 to 3 digits without '+' or leading 0, e.g. \"49\", got \""
                    + countryCode + "\"");
        }
        String areaCode = dialPlan.text("areaCode", DialPlanConfig.DEFAULT.areaCode());
        if (!AREA_CODE.matcher(areaCode).matches()) {
            throw dialPlan.error("areaCode", "must be up to 6 digits without the trunk prefix 0, e.g. \"30\", got \""
                    + areaCode + "\"");
        }
        return new DialPlanConfig(countryCode, areaCode);
    }
}
