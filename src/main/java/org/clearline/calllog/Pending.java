package org.clearline.calllog;

import java.util.List;
import org.clearline.store.LadderEncoder;
import org.clearline.store.RegistrationRecord;

/**
 * What waits in the log queue for the writer: a closed call, a registration
 * attempt, or an answered call whose first messages it may compress meanwhile.
 */
sealed interface Pending {
    /** Message bytes this entry holds from the log's budget (given back once written or dropped). */
    long heldBytes();

    /**
     * A call closed with its final code; text and timings are worked out by the writer.
     * {@code parts} are its first messages, compressed while it went on (often none), and
     * {@code entries} those after them; both are empty when the ladder is not kept (the
     * {@code ladders} policy).
     */
    record Call(CallTrace trace, List<LadderEncoder.Part> parts, List<WireMessage> entries, int dropped, int code,
                String situation, long endedAt, long heldBytes) implements Pending {
        public Call {
            parts = List.copyOf(parts);
            entries = List.copyOf(entries);
        }
    }

    /**
     * A call was answered and goes on until its BYE: the writer may compress the
     * messages it has so far ({@link Ladder#compactable}). Holds nothing itself.
     */
    record Compact(Exchange exchange) implements Pending {
        @Override
        public long heldBytes() {
            return 0;
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
