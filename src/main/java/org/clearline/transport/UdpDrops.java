package org.clearline.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Datagrams the kernel dropped at the UDP sockets of one port because they were
 * not read in time (their receive buffer was full): the plainest sign that the
 * I/O threads fall behind. Peers then retransmit, but when most copies are
 * dropped too the server sees few retransmissions, so this counts on its own.
 * Linux reports it per socket in {@code /proc/net/udp} and {@code udp6} (the last
 * column); elsewhere there is nothing to read and the count is -1.
 */
public final class UdpDrops {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private UdpDrops() {}

    /** Drops so far at the sockets bound to {@code port}, all addresses; -1 when the system does not say. */
    public static long at(int port) {
        long total = 0;
        boolean told = false;
        for (Path table : TABLES) {
            try {
                total += parse(Files.readAllLines(table), port);
                told = true;
            } catch (IOException | RuntimeException e) {
                // not Linux, or no IPv6: that table says nothing
            }
        }
        return told ? total : -1;
    }

    /**
     * The drops column summed over the rows of sockets bound to {@code port}: a
     * header line, then per socket "sl local_address rem_address st ... drops",
     * the address as hex "IP:PORT".
     */
    static long parse(List<String> lines, int port) {
        long total = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 13) continue;
            int colon = f[1].lastIndexOf(':');
            if (colon < 0 || Integer.parseInt(f[1].substring(colon + 1), 16) != port) continue;
            total += Long.parseLong(f[f.length - 1]);
        }
        return total;
    }
}
