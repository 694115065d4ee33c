package org.clearline.core.routing;

import java.time.Duration;
import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.syntax.Header;

/** The router's decision. */
public sealed interface Routing {
    /**
     * Forward to every target in parallel (§16.6; one target is simply a fork of one).
     *
     * @param targets     the branches
     * @param ringTimeout INVITE only: when no branch has answered after this long, the
     *                    branches are cancelled and the attempt ends as "no answer"
     *                    (forward on no answer); null for none (Timer C still applies)
     * @param onFailure   asked what to do when every branch failed (busy forward, trunk
     *                    failover); null to send the best response upstream (§16.7 step 6)
     */
    record Fork(List<Target> targets, Duration ringTimeout, Continuation onFailure) implements Routing {
        public Fork {
            if (targets.isEmpty()) throw new IllegalArgumentException("a fork needs a target");
            targets = List.copyOf(targets);
        }

        public Fork(List<Target> targets) {
            this(targets, null, null);
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

    /** Called on the call's shard when a fork ended without success. */
    @FunctionalInterface
    interface Continuation {
        /** The next routing (a new fork, or a rejection), or null to send the best response as it is. */
        Routing next(FailedAttempt attempt);
    }

    /**
     * How a fork ended.
     *
     * @param status      the status of the best branch response (§16.7 step 6), received or synthesised
     * @param situation   our situation for it when we synthesised it (timeout, unreachable), else null
     * @param ringTimeout true when the ring timeout of the fork ended it
     */
    record FailedAttempt(int status, Situation situation, boolean ringTimeout) {}
}
