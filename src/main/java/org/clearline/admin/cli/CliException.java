package org.clearline.admin.cli;

/** A problem with what the user asked for; the message is printed as one line after "clearline: ". */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
