/**
 * Messages grouped the way SIP groups them: by Call-ID into calls and
 * registrations (§8.1.1.4), inside a call by transaction (top Via branch and
 * CSeq method, §17.1.3, §17.2.3), with retransmissions recognised as copies in
 * the same direction of a message already seen in its transaction. Calls stay
 * open while messages come and are closed (handed to the diagnosis) once quiet
 * for longer than any SIP timer runs, so memory follows the calls in progress,
 * not the size of the trace.
 */
package org.clearline.analyzer.calls;
