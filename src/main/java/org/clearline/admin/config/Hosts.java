package org.clearline.admin.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Syntax checks for host names and IP literals; never resolves anything (§19.1.1 host). */
final class Hosts {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hosts() {}

    static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) return true;
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!bare.contains(":") || !IPV6_CHARS.matcher(bare).matches()) return false;
        try {
            // Only colons, dots and hex digits reach here: a literal, so no DNS query.
            InetAddress.getByName(bare);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isHostName(String text) {
        if (text.isEmpty() || text.length() > 253) return false;
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) return false;
        }
        return true;
    }

    static boolean isHost(String text) {
        return isIpLiteral(text) || isHostName(text);
    }
}
