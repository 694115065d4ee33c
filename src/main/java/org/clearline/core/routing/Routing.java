package org.clearline.core.routing;

import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.syntax.Header;

/** The router's decision. */
public sealed interface Routing {
    /** Forward to every target in parallel (§16.6; one target is simply a fork of one). */
    record Fork(List<Target> targets) implements Routing {
        public Fork {
            if (targets.isEmpty()) throw new IllegalArgumentException("a fork needs a target");
            targets = List.copyOf(targets);
        }
    }

    /**
     * Answer the caller ourselves with the catalogue's response for {@code situation},
     * plus {@code headers} (e.g. Contact for a redirect, Warning for 488).
     */
    record Reject(Situation situation, List<Header> headers) implements Routing {
        public Reject(Situation situation) {
            this(situation, List.of());
        }
    }
}
