package org.clearline.store;

import java.util.List;
import java.util.Optional;

/** The call and registration log: appended in batches by one writer, read by the CLI. */
public interface CallLogStore {
    /** Writes the calls and registrations of one batch in one transaction. */
    void append(List<CallRecord> calls, List<RegistrationRecord> registrations);

    /** Calls matching {@code filter}, newest first, without their messages. */
    List<CallRecord> list(CallFilter filter);

    /** The latest logged attempt with this Call-ID, with its messages in order. */
    Optional<CallRecord> find(String callId);

    /** Registration attempts since {@code sinceMillis}, newest first. */
    List<RegistrationRecord> registrations(String sipId, long sinceMillis, int limit);

    /** Retention: drops entries older than {@code beforeMillis}, then the oldest beyond {@code maxRows}; returns rows dropped. */
    int purge(long beforeMillis, int maxRows);
}
