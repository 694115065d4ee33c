package org.clearline.admin.cli;

import java.util.OptionalInt;
import org.clearline.admin.ClearlineServer;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.store.JdbcStore;

/** Runs the server once {@code serve} has prepared config and store; tests substitute it. */
@FunctionalInterface
interface ServerRunner {
    ServerRunner CLEARLINE = (config, store, sipPort) -> new ClearlineServer(config, store, sipPort).run();

    /** Takes ownership of {@code store}. */
    void run(ClearlineConfig config, JdbcStore store, OptionalInt sipPortOverride);
}
