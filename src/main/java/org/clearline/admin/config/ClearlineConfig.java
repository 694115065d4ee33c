package org.clearline.admin.config;

import java.util.List;

/**
 * Everything the configuration file says, validated by {@link ConfigLoader}.
 *
 * @param server   how the server runs
 * @param accounts accounts to create or update at start (see {@code Provisioner})
 */
public record ClearlineConfig(ServerConfig server, List<AccountConfig> accounts) {
    public ClearlineConfig {
        accounts = List.copyOf(accounts);
    }
}
