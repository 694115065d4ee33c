package org.clearline.transaction;

import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;

/** Upcalls of a client transaction to the TU (§17.1). Each runs on the call's shard. */
public interface ClientTransactionListener {
    /**
     * A provisional or final response for this transaction (retransmissions
     * absorbed; for INVITE, each 2xx retransmission is passed on as §17.1.1.2
     * requires, since the TU/proxy must forward them).
     */
    void onResponse(ClientTransaction transaction, SipResponse response, Inbound inbound);

    /** Timer B or F fired: no final response in 64*T1 (the TU acts as if 408 arrived, §16.7/§8.1.3.1). */
    void onTimeout(ClientTransaction transaction);

    /** The request could not be sent (§8.1.3.1: treat as 503). */
    void onTransportError(ClientTransaction transaction, Throwable cause);

    /**
     * A final response (or one whose status could not be read) matched this
     * transaction by its top Via branch and CSeq (§17.1.3) but is otherwise
     * malformed; the transaction has already terminated. A proxy answers its
     * caller 502 Bad Gateway for this branch (§21.5.3, §16.7). Malformed
     * provisional responses never get here: the transaction ignores them.
     *
     * <p>The default treats it as a transport error, so older listeners still
     * learn that the branch is over.
     */
    default void onInvalidResponse(ClientTransaction transaction, ParseResult.Failure failure) {
        onTransportError(transaction, new IllegalStateException(failure.reasonPhrase()));
    }
}
