package org.clearline.admin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.clearline.admin.accounts.AccountService;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import picocli.CommandLine.Option;

/**
 * The password options of {@code account add} and {@code account passwd}, and
 * the realm the HA1 values are computed for.
 */
final class PasswordOptions {
    @Option(names = "--password", paramLabel = "P",
            description = "the password (visible to other local users in the process list; prefer --password-stdin)")
    String password;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordFromStdin;

    @Option(names = "--realm", paramLabel = "DOMAIN",
            description = "digest realm (server.domain); only needed before the server has run once")
    String realm;

    /** HA1 values for {@code sipId} from the given password and the store's realm. */
    Ha1 ha1(String sipId, JdbcStore store, InputStream stdin) {
        String secret = password(stdin);
        return AccountService.ha1(sipId, realm(store), secret);
    }

    private String password(InputStream stdin) {
        if (password != null && passwordFromStdin) throw new CliException("give --password or --password-stdin, not both");
        if (password == null && !passwordFromStdin) throw new CliException("give --password P or --password-stdin");
        return password != null ? password : firstLine(stdin);
    }

    /**
     * The realm the server challenges with, as recorded in the store by
     * {@code serve}; HA1 values only verify for that realm (RFC 7616 §3.4.2).
     */
    private String realm(JdbcStore store) {
        Optional<String> stored = store.meta(JdbcStore.META_REALM);
        if (stored.isPresent()) {
            if (realm != null && !realm.equals(stored.get())) {
                throw new CliException("--realm " + realm + " differs from the realm " + stored.get()
                        + " of this store (the server's domain)");
            }
            return stored.get();
        }
        if (realm == null) {
            throw new CliException("no realm known yet: run 'clearline serve' once, or give --realm with server.domain");
        }
        return realm;
    }

    private static String firstLine(InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new CliException("no password on standard input");
            return line;
        } catch (IOException e) {
            throw new CliException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
