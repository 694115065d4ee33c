package org.clearline.admin.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code trunks} list. */
final class TrunksReader {
    private static final List<String> KEYS =
            List.of("name", "host", "port", "transport", "username", "password", "prefixes");

    private TrunksReader() {}

    static List<TrunkConfig> read(ConfigNode root) throws ConfigException {
        List<TrunkConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode t : root.sections("trunks", KEYS)) {
            String name = t.requiredText("name", "a short name such as carrier");
            if (!names.add(name)) throw t.error("name", "'" + name + "' is declared twice");
            String host = t.requiredText("host", "the carrier's server, e.g. 192.0.2.10");
            if (!Hosts.isHost(host)) throw t.error("host", "must be a host name or IP address, got \"" + host + "\"");
            int port = t.integer("port", 5060, 1, 65_535);
            String transport = t.text("transport", "udp").toLowerCase(Locale.ROOT);
            if (!transport.equals("udp") && !transport.equals("tcp")) {
                throw t.error("transport", "must be udp or tcp, got \"" + transport + "\"");
            }
            Optional<String> user = t.optionalText("username");
            Optional<String> password = t.optionalText("password");
            if (user.isPresent() != password.isPresent()) {
                throw t.error(user.isPresent() ? "password" : "username", "username and password go together");
            }
            List<String> prefixes = t.textList("prefixes");
            if (prefixes.isEmpty()) throw t.error("prefixes", "needs at least one E.164 prefix, e.g. [\"+4989\"]");
            for (int i = 0; i < prefixes.size(); i++) {
                if (!prefixes.get(i).matches("\\+[0-9]{1,15}")) {
                    throw new ConfigException(t.key("prefixes") + "[" + i + "]",
                            "must be \"+\" and digits, e.g. \"+4989\", got \"" + prefixes.get(i) + "\"");
                }
            }
            out.add(new TrunkConfig(name, host, port, transport, user, password, prefixes));
        }
        return out;
    }
}
