package org.clearline.admin.diagnose;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which addresses cannot be reached from the Internet: the clue that a phone sits behind NAT. */
final class Addresses {
    private Addresses() {}

    /**
     * RFC 1918 (10/8, 172.16/12, 192.168/16), RFC 6598 carrier-grade NAT (100.64/10),
     * link-local (169.254/16, fe80::/10), loopback and IPv6 unique local (fc00::/7, RFC 4193).
     */
    static boolean isPrivate(InetAddress a) {
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }
}
