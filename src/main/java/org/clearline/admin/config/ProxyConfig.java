package org.clearline.admin.config;

import java.time.Duration;

/**
 * The {@code server.proxy} section.
 *
 * @param timerC how long a forwarded INVITE may go without a provisional
 *               response before the branch is cancelled; §16.6 step 11 asks
 *               for more than 3 minutes in production
 */
public record ProxyConfig(Duration timerC) {
    public static final ProxyConfig DEFAULT = new ProxyConfig(Duration.ofSeconds(180));
}
