package org.clearline.admin;

/** The server could not start (a port in use, an address not ours); the message is one line for the user. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
