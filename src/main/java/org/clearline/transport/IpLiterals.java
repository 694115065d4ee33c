package org.clearline.transport;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * IP-literal helpers that never touch DNS. The transport runs on I/O threads
 * where a blocking name look-up would stall every peer; names in a Via are
 * therefore never resolved here (§18.2.2 falls back to the packet source).
 */
final class IpLiterals {
    private IpLiterals() {}

    /** True for an IPv4 or IPv6 literal (the latter with or without brackets). */
    static boolean isIpLiteral(String host) {
        if (host == null || host.isEmpty()) return false;
        String h = unbracket(host);
        return NetUtil.isValidIpV4Address(h) || NetUtil.isValidIpV6Address(h);
    }

    /** The address of an IP literal, or null if {@code host} is a name (not resolved). */
    static InetAddress parse(String host) {
        if (!isIpLiteral(host)) return null;
        return NetUtil.createInetAddressFromIpAddressString(unbracket(host));
    }

    /** True when {@code host} is an IP literal naming exactly {@code address}. */
    static boolean sameAddress(String host, InetAddress address) {
        if (!isIpLiteral(host)) return false;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(unbracket(host));
        return bytes != null && Arrays.equals(bytes, address.getAddress());
    }

    /** Textual form for a {@code received} parameter: IPv6 compressed and without brackets (§25.1). */
    static String text(InetAddress address) {
        return NetUtil.toAddressString(address);
    }

    /** A resolved socket address for an IP literal, or null for a name or bad port. */
    static InetSocketAddress socketAddress(String host, int port) {
        InetAddress a = parse(host);
        if (a == null || port <= 0 || port > 65_535) return null;
        return new InetSocketAddress(a, port);
    }

    static String unbracket(String host) {
        return host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']'
                ? host.substring(1, host.length() - 1) : host;
    }
}
