package org.clearline.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Datagrams the kernel dropped at this process's UDP sockets of one port because
 * they were not read in time (their receive buffer was full): the plainest sign
 * that the I/O threads fall behind. Peers then retransmit, but when most copies
 * are dropped too the server sees few retransmissions, so this counts on its own.
 * Linux reports it per socket in {@code /proc/net/udp} and {@code udp6} (the last
 * column); a socket is ours when its inode is among {@code /proc/self/fd}'s, so
 * another process on the same port (another address) does not count. Elsewhere
 * there is nothing to read and the count is -1.
 */
public final class UdpDrops {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private UdpDrops() {}

    /** Drops so far at this process's sockets bound to {@code port}, all addresses; -1 when the system does not say. */
    public static long at(int port) {
        Set<Long> ours = ownSockets();
        long total = 0;
        boolean told = false;
        for (Path table : TABLES) {
            try {
                total += parse(Files.readAllLines(table), port, ours);
                told = true;
            } catch (IOException | RuntimeException e) {
                // not Linux, or no IPv6: that table says nothing
            }
        }
        return told ? total : -1;
    }

    /**
     * The drops column summed over the rows of sockets bound to {@code port} whose
     * inode is in {@code inodes} (null: every socket on the port): a header line,
     * then per socket "sl local_address rem_address st ... inode ... drops", the
     * address as hex "IP:PORT".
     */
    static long parse(List<String> lines, int port, Set<Long> inodes) {
        long total = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 13) continue;
            int colon = f[1].lastIndexOf(':');
            if (colon < 0 || Integer.parseInt(f[1].substring(colon + 1), 16) != port) continue;
            if (inodes != null && !inodes.contains(Long.parseLong(f[9]))) continue;
            total += Long.parseLong(f[f.length - 1]);
        }
        return total;
    }

    /** The inodes of this process's sockets ("socket:[inode]" links in /proc/self/fd); null when unreadable. */
    private static Set<Long> ownSockets() {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;  // closed meanwhile
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return inodes;
    }
}
