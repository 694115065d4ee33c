package org.clearline.admin.config;

import java.util.List;

/**
 * Everything the configuration file says, validated by {@link ConfigLoader}.
 *
 * @param server   how the server runs
 * @param accounts accounts to create or update at start (see {@code Provisioner})
 * @param trunks   gateways for numbers that live elsewhere
 * @param callLog  what the call and registration log keeps
 */
public record ClearlineConfig(ServerConfig server, List<AccountConfig> accounts, List<TrunkConfig> trunks,
                              CallLogConfig callLog) {
    public ClearlineConfig {
        accounts = List.copyOf(accounts);
        trunks = List.copyOf(trunks);
        callLog = callLog == null ? CallLogConfig.DEFAULT : callLog;
    }

    /** The same configuration with another {@code server} section; every other section stays as it is. */
    public ClearlineConfig withServer(ServerConfig server) {
        return new ClearlineConfig(server, accounts, trunks, callLog);
    }
}
