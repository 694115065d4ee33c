package org.clearline.admin.cli;

import org.clearline.admin.Refusal;

/** A problem with what the user asked for; the message is printed as one line after "clearline: ". */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }

    /**
     * A shared service refused an option's value; its message starts with the
     * option's name ("since must be ..."), which becomes "calls: --since must be ...".
     */
    static CliException option(String command, Refusal refusal) {
        return new CliException(command + ": --" + refusal.getMessage());
    }
}
