package org.clearline.core.auth;

import org.clearline.failures.Situation;
import org.clearline.store.Account;

/** What digest authentication decided about one request. */
public sealed interface AuthResult {
    /** Credentials were valid for this account. */
    record Authenticated(Account account) implements AuthResult {}

    /**
     * Answer with a challenge (401/407). {@code situation} says why: no credentials,
     * wrong ones, unknown user (looks the same on the wire), stale nonce.
     * {@code stale} sets {@code stale=true} in the challenge.
     */
    record Challenge(Situation situation, boolean stale, String username) implements AuthResult {}

    /** Refuse without a new challenge (account disabled). */
    record Refused(Situation situation, String username) implements AuthResult {}
}
