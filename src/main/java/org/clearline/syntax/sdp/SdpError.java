package org.clearline.syntax.sdp;

/**
 * Why a body is not a usable session description.
 *
 * @param line   1-based line of the body at fault; for a missing mandatory line,
 *               the line where it was found missing (the first {@code m=}, or one
 *               past the last line)
 * @param reason one line of printable ASCII without quotes or backslashes, so it
 *               can go into a reason phrase or a Warning text unchanged
 */
public record SdpError(int line, String reason) implements SdpResult {

    /** "line 3: port 'abc' is not a number". */
    public String describe() {
        return "line " + line + ": " + reason;
    }
}
