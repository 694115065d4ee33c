package org.clearline.transaction;

import java.util.Locale;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.Methods;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.Via;

/**
 * What identifies a server transaction (§17.2.3). Requests from RFC 3261 elements
 * carry a branch with the magic cookie and are matched on it; older (RFC 2543)
 * requests are matched on the dialog and sequence fields instead.
 */
sealed interface ServerTransactionKey {

    /**
     * §17.2.3, RFC 3261 rules: the branch, the sent-by of the top Via (so two
     * clients that picked the same branch stay apart), and the method, where an
     * ACK counts as the INVITE it acknowledges.
     */
    record Branch(String branch, String sentBy, String method) implements ServerTransactionKey {}

    /**
     * §17.2.3, RFC 2543 rules: Request-URI, To tag, From tag, Call-ID, CSeq and the
     * top Via. The To tag of an ACK is the one of the response it acknowledges, so
     * the layer looks an ACK up under both its own To tag and none (see {@link #untaggedInviteFor}).
     */
    record Rfc2543(String requestUri, String toTag, String fromTag, String callId, long cseq,
                   String method, String topVia) implements ServerTransactionKey {}

    /** The key of the transaction {@code request} belongs to (an ACK: the INVITE's). */
    static ServerTransactionKey of(SipRequest request) {
        String method = request.isMethod(Methods.ACK) ? Methods.INVITE : request.method();
        return withMethod(request, method, tag(request.to()));
    }

    /** §9.2: the INVITE a CANCEL refers to has the CANCEL's key but for the method. */
    static ServerTransactionKey inviteFor(SipRequest cancel) {
        return withMethod(cancel, Methods.INVITE, tag(cancel.to()));
    }

    /**
     * RFC 2543 ACK: the INVITE it acknowledges had either the same To tag (inside a
     * dialog) or none (the tag came with our response). Returns that second key,
     * or null when the ACK is matched by branch or carries no To tag.
     */
    static ServerTransactionKey untaggedInviteFor(SipRequest ack) {
        Via top = ack.topVia();
        if (top.rfc3261Branch() || tag(ack.to()) == null) return null;
        return withMethod(ack, Methods.INVITE, null);
    }

    private static ServerTransactionKey withMethod(SipRequest request, String method, String toTag) {
        Via top = request.topVia();
        if (top.rfc3261Branch()) {
            return new Branch(top.branch(), SentBy.shared(top.sentBy().toLowerCase(Locale.ROOT)), method);
        }
        CSeq cseq = request.cseq();
        return new Rfc2543(String.valueOf(request.requestUri()), toTag, tag(request.from()), request.callId(),
                cseq.number(), method, viaIdentity(top));
    }

    /** The parts of a Via a retransmission repeats; received/rport are ours, not the sender's. */
    private static String viaIdentity(Via via) {
        String branch = via.branch();
        return via.transport() + ' ' + via.sentBy().toLowerCase(Locale.ROOT) + (branch == null ? "" : ";" + branch);
    }

    private static String tag(NameAddr address) {
        return address == null ? null : address.tag();
    }

    /**
     * One string per recently seen sent-by: a transaction keeps its key for 64*T1
     * after it ends, and the phones behind thousands of them are a handful. A small
     * table indexed by hash, read and written without locks (a string is
     * immutable, so a racing reader sees an equal one or none).
     */
    final class SentBy {
        private static final String[] RECENT = new String[1024];

        private SentBy() {}

        static String shared(String sentBy) {
            int h = sentBy.hashCode();
            int slot = (h ^ (h >>> 16)) & (RECENT.length - 1);
            String known = RECENT[slot];
            if (sentBy.equals(known)) return known;
            RECENT[slot] = sentBy;
            return sentBy;
        }
    }
}
