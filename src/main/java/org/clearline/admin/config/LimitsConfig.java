package org.clearline.admin.config;

/**
 * The {@code server.limits} section.
 *
 * @param maxMessageBytes larger messages are refused (513 for requests that can be answered)
 */
public record LimitsConfig(int maxMessageBytes) {
    public static final int MIN_MESSAGE_BYTES = 1_024;
    public static final int MAX_MESSAGE_BYTES = 1_048_576;
    public static final LimitsConfig DEFAULT = new LimitsConfig(65_535);
}
