package org.clearline.calllog;

import java.util.List;
import org.clearline.store.RegistrationRecord;

/** What waits in the log queue for the writer: a closed call, or a registration attempt. */
sealed interface Pending {
    /** A call closed with its final code; text and timings are worked out by the writer. */
    record Call(CallTrace trace, List<CallTrace.Entry> entries, int dropped, int code, String situation,
                long endedAt) implements Pending {}

    record Registration(RegistrationRecord record) implements Pending {}
}
