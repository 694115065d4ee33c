package org.clearline.store;

import java.util.List;

/**
 * One REGISTER attempt and how it ended; {@code sipId} is null when the request
 * named no known account. An attempt is one exchange with one source under one
 * Call-ID: typically REGISTER, 401 challenge, REGISTER with credentials, final.
 *
 * @param messages        its ladder, in order; empty when not kept, not read or unreadable
 * @param messagesDropped messages seen but not kept (bounds of the recorder)
 * @param ladderProblem   null, or why the stored ladder could not be read
 */
public record RegistrationRecord(String callId, long atMillis, String source, String sipId, int code,
                                 String situation, List<LoggedMessage> messages, int messagesDropped,
                                 String ladderProblem) {
    public RegistrationRecord {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** An attempt without its messages (as before registration ladders were logged). */
    public RegistrationRecord(String callId, long atMillis, String source, String sipId, int code,
                              String situation) {
        this(callId, atMillis, source, sipId, code, situation, List.of(), 0, null);
    }

    public boolean failed() {
        return code >= 300;
    }

    /** The same attempt with {@code ladder}, or with none and the reason it could not be read. */
    public RegistrationRecord withMessages(List<LoggedMessage> ladder, String problem) {
        return new RegistrationRecord(callId, atMillis, source, sipId, code, situation, ladder, messagesDropped,
                problem);
    }
}
