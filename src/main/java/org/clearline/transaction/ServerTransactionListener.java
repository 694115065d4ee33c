package org.clearline.transaction;

/** Events of a server transaction that the TU may care about. */
public interface ServerTransactionListener {
    /** No ACK arrived for a non-2xx final response to an INVITE (Timer H, §17.2.1). */
    default void onAckTimeout(ServerTransaction transaction) {}

    /** The response could not be sent (§17.2.4): the transaction is over. */
    default void onTransportError(ServerTransaction transaction, Throwable cause) {}

    /** The transaction reached Terminated. */
    default void onTerminated(ServerTransaction transaction) {}
}
