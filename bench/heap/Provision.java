import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.store.Account;
import org.clearline.store.JdbcStore;

/**
 * Puts every subscriber of the anchor's subscribers.csv (username;realm;password;ha1)
 * into a Clearline data directory, as `clearline account add` would, before the
 * server starts. The e2e heap run needs this for 100,000 accounts: a YAML file that
 * size is over the config loader's 3 MB document limit, and the server keeps
 * accounts that the config file does not declare.
 *
 *   java -cp 'target/classes:target/lib/*' bench/heap/Provision.java SUBSCRIBERS.csv DATA_DIR
 */
public final class Provision {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String realm = "127.0.0.1";
        long t0 = System.nanoTime();
        int n = 0;
        try (JdbcStore store = JdbcStore.open(Path.of(args[1]))) {
            store.putMeta(JdbcStore.META_REALM, realm);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(";");
                if (f.length < 4 || !f[1].equals(realm)) continue;
                store.accounts().put(new Account(f[0], "", DigestAlgorithm.MD5.ha1(f[0], realm, f[2]),
                        DigestAlgorithm.SHA_256.ha1(f[0], realm, f[2]), true));
                n++;
            }
        }
        System.out.printf("provisioned %d accounts into %s in %.1f s%n", n, args[1], (System.nanoTime() - t0) / 1e9);
    }
}
