import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.clearline.core.auth.NonceService;
import org.clearline.core.directory.CachedDirectory;
import org.clearline.core.location.LocationService;
import org.clearline.store.Account;
import org.clearline.store.Registration;
import org.clearline.time.Clock;

/**
 * Retained heap of the registrar's in-memory state for N accounts with one
 * binding each: the real {@link CachedDirectory} (accounts with both HA1s) and
 * the real {@link LocationService} (bindings as the registrar builds them).
 *
 * Every string is a fresh object, as it is when the server parses it out of a
 * datagram (nothing is interned), so the figure is what a running server pays.
 * Heap is read after repeated System.gc() through MemoryMXBean and Runtime.
 *
 * Run from the repository root after `./mvnw -q -DskipTests package`:
 *   java -cp 'target/classes:target/lib/*' bench/heap/HeapProbe.java [N]
 * (bench/heap/run.sh does this, under -Xmx256m, and adds a class histogram.)
 */
public final class HeapProbe {
    private static final String[] USER_AGENTS = {
        "Linphone-Desktop/5.2.6 (ubuntu 22.04, Qt 5.15.3) LinphoneCore/5.3.72",
        "baresip v3.10.1 (x86_64/Linux)",
        "Yealink SIP-T46S 66.86.0.15",
        "Grandstream GXP2170 1.0.11.23",
        "MicroSIP/3.21.3",
        "Zoiper rv2.10.20.2-mod",
        "Obihai/OBi202-3.2.2 (Build: 5921EX)",
        "snom D785/10.1.141.13",
    };

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long base = settledHeap(mx);
        report("baseline (JVM + classes)", base, base, 0, n);

        // ---- directory: N accounts, read through the real snapshot code
        CachedDirectory directory = new CachedDirectory(() -> accounts(n), List::of);
        directory.reload();
        long afterDir = settledHeap(mx);
        report("CachedDirectory, " + directory.accountCount() + " accounts", afterDir, base, n, n);

        // ---- location: N bindings, replaced one account at a time as the registrar does
        LocationService location = new LocationService();
        SplittableRandom rnd = new SplittableRandom(42);
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            Registration r = binding(i, rnd, now);
            location.replace(r.sipId(), List.of(r));
        }
        long afterLoc = settledHeap(mx);
        report("LocationService, " + location.size() + " bindings", afterLoc, afterDir, location.size(), n);
        report("directory + location", afterLoc, base, n, n);

        // ---- nonce-counts: one qop=auth REGISTER per account within the nonce lifetime
        // leaves one tracked nonce each (transient: purged once the nonces expire)
        NonceService nonces = new NonceService(Clock.SYSTEM, 3_600_000, NonceService.randomSecret());
        for (int i = 0; i < n; i++) {
            nonces.check(nonces.issue(), "00000001");
        }
        long afterNonce = settledHeap(mx);
        report("NonceService, " + nonces.trackedNonces() + " nonce-counts", afterNonce, afterLoc,
                nonces.trackedNonces(), n);
        report("all of the above", afterNonce, base, n, n);

        Runtime rt = Runtime.getRuntime();
        System.out.printf("max heap (-Xmx): %.1f MB; Runtime used after GC: %.1f MB%n",
                rt.maxMemory() / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6);
        System.out.printf("HEAP n=%d directory_mb=%.1f location_mb=%.1f total_mb=%.1f "
                        + "nonce_mb=%.1f bytes_per_account=%d bytes_per_binding=%d%n",
                n, (afterDir - base) / 1e6, (afterLoc - afterDir) / 1e6, (afterLoc - base) / 1e6,
                (afterNonce - afterLoc) / 1e6, (afterDir - base) / n, (afterLoc - afterDir) / n);
        if (System.getProperty("probe.pause") != null) {
            // lets bench/heap/run.sh take a class histogram of the live state
            System.out.println("PAUSED pid=" + ProcessHandle.current().pid());
            System.in.read();
        }
        Reference.reachabilityFence(directory);
        Reference.reachabilityFence(location);
        Reference.reachabilityFence(nonces);
    }

    private static List<Account> accounts(int n) {
        List<Account> list = new ArrayList<>(n);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < n; i++) {
                String id = user(i);
                byte[] secret = (id + ":127.0.0.1:pw" + i).getBytes(StandardCharsets.UTF_8);
                list.add(new Account(id, (i % 3 == 0) ? "" : "User " + i,
                        hex.formatHex(md5.digest(secret)), hex.formatHex(sha.digest(secret)), true));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    /** One binding shaped like a softphone's: instance-tagged contact, NAT source, long UA. */
    private static Registration binding(int i, SplittableRandom rnd, long now) {
        String ip = "192.0." + (2 + rnd.nextInt(200)) + "." + (1 + rnd.nextInt(254));
        int port = 1024 + rnd.nextInt(64000);
        String contact = "sip:" + user(i) + "-0x" + Long.toHexString(0x550000000000L + rnd.nextLong(0xffffffffffL))
                + "@" + ip + ":" + port + ";transport=udp";
        String callId = Long.toHexString(rnd.nextLong()) + "-" + Long.toString(rnd.nextLong() >>> 1, 36)
                + "@" + ip;
        String ua = new String(USER_AGENTS[i % USER_AGENTS.length]); // parsed per message, not shared
        return new Registration(user(i), contact, callId, 1 + rnd.nextInt(100), now + 3_600_000L,
                now, 1.0, "", "udp:" + ip + ":" + port, ua);
    }

    private static String user(int i) {
        return String.format("u%05d", i);
    }

    private static long settledHeap(MemoryMXBean mx) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static void report(String what, long now, long before, int items, int n) {
        System.out.printf("%-40s heap %8.1f MB  (+%7.1f MB%s)%n", what, now / 1e6, (now - before) / 1e6,
                items > 0 ? String.format(", %d B each, %.1f MB per 100k", (now - before) / items,
                        (now - before) * 100_000.0 / items / 1e6) : "");
    }
}
