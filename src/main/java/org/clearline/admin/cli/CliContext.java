package org.clearline.admin.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.clearline.admin.accounts.AccountService;
import org.clearline.admin.accounts.Bindings;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;

/** What every command needs: its streams, the clock, the data directory and the server to run. */
final class CliContext {
    private final PrintWriter out;
    private final InputStream in;
    private final Clock clock;
    private final ServerRunner serverRunner;
    private Path dataDir = Path.of("data");

    CliContext(PrintWriter out, InputStream in, Clock clock, ServerRunner serverRunner) {
        this.out = out;
        this.in = in;
        this.clock = clock;
        this.serverRunner = serverRunner;
    }

    PrintWriter out() {
        return out;
    }

    InputStream in() {
        return in;
    }

    Clock clock() {
        return clock;
    }

    ServerRunner serverRunner() {
        return serverRunner;
    }

    Path dataDir() {
        return dataDir;
    }

    void dataDir(Path dir) {
        this.dataDir = dir;
    }

    /** Account operations on {@code store}, with bindings as the store holds them. */
    AccountService accounts(JdbcStore store) {
        return new AccountService(store, Bindings.stored(store.registrations(), clock));
    }

    /** @throws org.clearline.store.StoreException (one line) when the store cannot be opened */
    JdbcStore openStore() {
        return JdbcStore.open(dataDir);
    }
}
