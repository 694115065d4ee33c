package org.clearline.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Durable registrations. The registrar keeps the live location table in memory
 * and writes every change here before it answers 200 OK; implementations batch
 * concurrent writes into one commit (group commit) and complete each future
 * only after its commit is durable against a crash of the process.
 */
public interface RegistrationStore {
    /** Everything stored (including lapsed bindings not yet purged). Blocking. */
    List<Registration> loadAll();

    /** Applies the changes of one REGISTER atomically; completes after commit. Thread-safe, non-blocking. */
    CompletableFuture<Void> apply(List<RegistrationChange> changes);

    /** A change to the bindings of one account. */
    sealed interface RegistrationChange {
        /** Insert or replace the binding (sipId, contact). */
        record Upsert(Registration registration) implements RegistrationChange {}

        /** Remove one binding. */
        record Remove(String sipId, String contact) implements RegistrationChange {}

        /** Remove every binding of an account (Contact: *). */
        record RemoveAll(String sipId) implements RegistrationChange {}
    }
}
