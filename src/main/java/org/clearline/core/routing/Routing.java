package org.clearline.core.routing;

import java.time.Duration;
import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.syntax.Header;

/**
 * The router's decision. Both kinds carry the {@link Retarget}s that led to them
 * (followed forwards, a redirect), oldest first, so the call log can tell the
 * route; they play no part in what the proxy does.
 */
public sealed interface Routing {
    /** The retargets that led to this decision, oldest first. */
    List<Retarget> retargets();

    /** The same decision, reached after {@code earlier} (which goes before the retargets it already has). */
    Routing after(Retarget earlier);

    /**
     * Forward to every target in parallel (§16.6; one target is simply a fork of one).
     *
     * @param targets     the branches
     * @param ringTimeout INVITE only: when no branch has answered after this long, the
     *                    branches are cancelled and the attempt ends as "no answer"
     *                    (forward on no answer); null for none (Timer C still applies)
     * @param onFailure   asked what to do when every branch failed (busy forward, trunk
     *                    failover); null to send the best response upstream (§16.7 step 6)
     * @param retargets   the forwards that led here, oldest first (for the call log)
     */
    record Fork(List<Target> targets, Duration ringTimeout, Continuation onFailure, List<Retarget> retargets)
            implements Routing {
        public Fork {
            if (targets.isEmpty()) throw new IllegalArgumentException("a fork needs a target");
            targets = List.copyOf(targets);
            retargets = retargets == null ? List.of() : List.copyOf(retargets);
        }

        public Fork(List<Target> targets, Duration ringTimeout, Continuation onFailure) {
            this(targets, ringTimeout, onFailure, List.of());
        }

        public Fork(List<Target> targets) {
            this(targets, null, null);
        }

        @Override
        public Fork after(Retarget earlier) {
            return new Fork(targets, ringTimeout, onFailure, Routing.prepend(earlier, retargets));
        }
    }

    /**
     * Answer the caller ourselves with the catalogue's response for {@code situation},
     * plus {@code headers} (e.g. Contact for a redirect, Warning for 488); {@code retargets}
     * are the forwards that led here, oldest first (for the call log).
     */
    record Reject(Situation situation, List<Header> headers, List<Retarget> retargets) implements Routing {
        public Reject {
            headers = headers == null ? List.of() : List.copyOf(headers);
            retargets = retargets == null ? List.of() : List.copyOf(retargets);
        }

        public Reject(Situation situation, List<Header> headers) {
            this(situation, headers, List.of());
        }

        public Reject(Situation situation) {
            this(situation, List.of());
        }

        @Override
        public Reject after(Retarget earlier) {
            return new Reject(situation, headers, Routing.prepend(earlier, retargets));
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

    private static List<Retarget> prepend(Retarget first, List<Retarget> rest) {
        List<Retarget> out = new java.util.ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
