package org.clearline.store;

import java.util.List;
import java.util.Optional;

/**
 * The call and registration log: appended in batches by one writer, read by
 * the CLI (and later the REST API and dashboard). It lives apart from the
 * accounts and registrations: whatever happens to the log, they go on.
 */
public interface CallLogStore {
    /** Writes the calls and registrations of one batch in one transaction. */
    void append(List<CallRecord> calls, List<RegistrationRecord> registrations);

    /**
     * A call or registration attempt whose messages come already encoded as one
     * {@link LadderBlob} value ({@code ladder} null for none; the record's own
     * message list is then not used). The log's writer encodes straight from wire
     * bytes, so it never makes text of the messages it stores.
     */
    record Encoded<T>(T record, byte[] ladder) {}

    /**
     * An encoder for one batch of {@link #appendEncoded}, on the writer's thread; close
     * it after the batch. A store may hand out one that compresses with what it learnt
     * from earlier ladders; by default, a plain one.
     */
    default LadderEncoder encoder() {
        return new LadderEncoder();
    }

    /** Writes one batch of encoded entries in one transaction; by default decodes them for {@link #append}. */
    default void appendEncoded(List<Encoded<CallRecord>> calls, List<Encoded<RegistrationRecord>> registrations) {
        append(calls.stream().map(e -> e.record().withMessages(messagesOf(e.ladder()), null)).toList(),
                registrations.stream().map(e -> e.record().withMessages(messagesOf(e.ladder()), null)).toList());
    }

    private static List<LoggedMessage> messagesOf(byte[] ladder) {
        return LadderBlob.decode(ladder) instanceof LadderBlob.Decoded.Messages m ? m.messages() : List.of();
    }

    /** Calls matching {@code filter}, newest first, with their route but without their messages. */
    List<CallRecord> list(CallFilter filter);

    /** The latest logged attempt with this Call-ID, with its messages in order. */
    Optional<CallRecord> find(String callId);

    /** Registration attempts since {@code sinceMillis}, newest first, without their messages. */
    List<RegistrationRecord> registrations(String sipId, long sinceMillis, int limit);

    /** The same, only the attempts that ended with a code of 300 or above when {@code failedOnly}. */
    default List<RegistrationRecord> registrations(String sipId, long sinceMillis, boolean failedOnly, int limit) {
        if (!failedOnly) return registrations(sipId, sinceMillis, limit);
        return registrations(sipId, sinceMillis, Integer.MAX_VALUE).stream().filter(r -> r.code() >= 300)
                .limit(limit).toList();
    }

    /** Retention: drops entries older than {@code beforeMillis}, then the oldest beyond {@code maxRows}; returns rows dropped. */
    int purge(long beforeMillis, int maxRows);

    /** The latest registration attempt with this Call-ID, with its messages in order. */
    default Optional<RegistrationRecord> findRegistration(String callId) {
        return registrations(null, 0, Integer.MAX_VALUE).stream().filter(r -> r.callId().equals(callId)).findFirst();
    }

    /**
     * One bounded step of retention: drops at most {@code chunk} rows for each
     * rule (calls older than {@code beforeMillis}, registration attempts older
     * than it, calls beyond {@code maxCalls}, attempts beyond
     * {@code maxRegistrations}, oldest first) and returns how many it dropped.
     * Called again until it returns 0, each step is a short transaction, so a
     * writer appending meanwhile never waits long.
     */
    default int purgeChunk(long beforeMillis, int maxCalls, int maxRegistrations, int chunk) {
        return purge(beforeMillis, Math.max(maxCalls, maxRegistrations));
    }
}
