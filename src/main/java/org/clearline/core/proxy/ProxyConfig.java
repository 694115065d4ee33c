package org.clearline.core.proxy;

import java.time.Duration;

/**
 * Proxy policy (§16).
 *
 * @param timerC             how long an INVITE branch may ring before it is cancelled (§16.6 step 11, > 3 min)
 * @param defaultMaxForwards Max-Forwards written when a request has none (§16.6 step 3)
 */
public record ProxyConfig(Duration timerC, int defaultMaxForwards) {
    public static final ProxyConfig DEFAULT = new ProxyConfig(Duration.ofSeconds(181), 70);
}
