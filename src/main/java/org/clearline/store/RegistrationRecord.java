package org.clearline.store;

/** One REGISTER attempt and how it ended; {@code sipId} is null when the request named no known account. */
public record RegistrationRecord(String callId, long atMillis, String source, String sipId, int code,
                                 String situation) {}
