package org.clearline.calllog;

import java.util.List;
import org.clearline.store.RegistrationRecord;

/** What waits in the log queue for the writer: a closed call, or a registration attempt. */
sealed interface Pending {
    /** Message bytes this entry holds from the log's budget (given back once written or dropped). */
    long heldBytes();

    /**
     * A call closed with its final code; text and timings are worked out by the writer.
     * {@code entries} is empty when the ladder is not kept (the {@code ladders} policy).
     */
    record Call(CallTrace trace, List<WireMessage> entries, int dropped, int code, String situation,
                long endedAt, long heldBytes) implements Pending {
        public Call {
            entries = List.copyOf(entries);
        }
    }

    /** A registration attempt as it ended, with its messages (empty when not kept). */
    record Registration(RegistrationRecord record, List<WireMessage> entries, long heldBytes) implements Pending {
        public Registration {
            entries = List.copyOf(entries);
        }

        public Registration(RegistrationRecord record) {
            this(record, List.of(), 0);
        }
    }
}
