package org.clearline.store;

/**
 * A store operation that could not be done, with a one-line message meant for
 * the operator ("account 'zed' does not exist", "cannot open store in /data: ...").
 * The CLI prints the message as is; the cause keeps the details for DEBUG logs.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
