package org.clearline.syntax;

/**
 * Size limits the parser enforces (named, with units, configurable).
 *
 * @param maxMessageBytes whole message, start line to end of body (bytes)
 * @param maxHeaderBytes  start line plus all header lines (bytes)
 * @param maxHeaders      number of header lines
 * @param maxLineBytes    one (unfolded) header line (bytes)
 */
public record SyntaxLimits(int maxMessageBytes, int maxHeaderBytes, int maxHeaders, int maxLineBytes) {
    /** 64 KiB messages, 16 KiB of headers, 256 header lines, 8 KiB per line. */
    public static final SyntaxLimits DEFAULT = new SyntaxLimits(65_535, 16_384, 256, 8_192);
}
