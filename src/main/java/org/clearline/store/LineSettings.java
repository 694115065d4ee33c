package org.clearline.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The telephony features of one line (account): what happens to calls for it
 * and what it may call.
 *
 * @param dnd             do-not-disturb: callers get 480 (or the offline forward)
 * @param maxCalls        simultaneous calls allowed, 0 for no limit; the next caller gets 486 (or the busy forward)
 * @param unconditional   forward every call, or null
 * @param busy            forward when the line is busy (call limit reached, or its phones answer 486), or null
 * @param noAnswer        forward when nobody answers within {@code noAnswerSeconds}, or null
 * @param noAnswerSeconds ring time before the no-answer forward
 * @param offline         forward when no phone is registered (and on do-not-disturb), or null
 * @param rejectCallers   callers whose calls are declined (603): E.164 numbers, prefixes ending in "*", or "anonymous"
 * @param codecs          codec names the line accepts (e.g. "G722", "PCMA"); empty accepts any
 * @param srtp            whether the line insists on encrypted media
 * @param permissions     destinations this account may call
 */
public record LineSettings(boolean dnd, int maxCalls, Forward unconditional, Forward busy, Forward noAnswer,
                           int noAnswerSeconds, Forward offline, List<String> rejectCallers, List<String> codecs,
                           Srtp srtp, Set<Destination> permissions) {

    /** Ring time before a no-answer forward when none is configured. */
    public static final int DEFAULT_NO_ANSWER_SECONDS = 20;

    /** A plain line: no forwards, no limits, may call local, national and international numbers. */
    public static final LineSettings DEFAULT = new LineSettings(false, 0, null, null, null, DEFAULT_NO_ANSWER_SECONDS,
            null, List.of(), List.of(), Srtp.OPTIONAL,
            EnumSet.of(Destination.LOCAL, Destination.NATIONAL, Destination.INTERNATIONAL));

    public LineSettings {
        if (maxCalls < 0) throw new IllegalArgumentException("maxCalls must not be negative");
        if (noAnswerSeconds < 1) throw new IllegalArgumentException("noAnswerSeconds must be at least 1");
        rejectCallers = List.copyOf(rejectCallers);
        codecs = List.copyOf(codecs);
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** Where a forward goes and how. {@code target} is a number (any dialled form) or a SIP ID. */
    public record Forward(String target, ForwardMode mode) {}

    public enum ForwardMode {
        /** The proxy follows the forward itself; the caller sees the new callee ring (History-Info, RFC 7044). */
        FOLLOW,
        /** 301 Moved Permanently with a Contact the caller's phone follows. */
        REDIRECT_PERMANENT,
        /** 302 Moved Temporarily with a Contact the caller's phone follows. */
        REDIRECT_TEMPORARY
    }

    public enum Srtp {
        /** Plain or encrypted media. */
        OPTIONAL,
        /** Offers without SRTP get 488. */
        REQUIRED
    }

    /** Classes of destinations for outbound permissions. */
    public enum Destination {
        /** Same country and area code, and lines of this server. */
        LOCAL,
        /** Same country, another area. */
        NATIONAL,
        /** Another country. */
        INTERNATIONAL,
        /** Premium-rate prefixes (configured per dial plan). */
        PREMIUM
    }
}
