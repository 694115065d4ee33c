package org.clearline.admin.diagnose;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clearline.core.location.LocationService;
import org.clearline.core.probe.ContactProber;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.features.ActiveCalls;
import org.clearline.store.Registration;

/**
 * What only a running server knows: the live bindings, the calls up now, and
 * its own sockets to send the OPTIONS probes from.
 *
 * @param maxWait the longest the prober waits for an answer
 */
public record LiveServer(LocationService location, ActiveCalls calls, Prober prober, Duration maxWait) {

    /** Sends the probes; {@link ContactProber#probe} in a server. */
    @FunctionalInterface
    public interface Prober {
        CompletableFuture<List<BindingProbe>> probe(List<Registration> bindings, Duration wait);
    }

    public static LiveServer of(LocationService location, ActiveCalls calls, ContactProber prober) {
        return new LiveServer(location, calls, prober::probe, prober.settings().maxWait());
    }
}
