package org.clearline.admin.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.clearline.admin.Refusal;
import org.clearline.store.E164;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;

/**
 * What a line feature may be set to, in one place for the three ways to set it:
 * the config file's {@code line} section, {@code clearline line set} and the
 * REST API. Each front end words the key or option itself; the rule and the
 * description of what is allowed come from here.
 */
public final class LineRules {
    /** Highest {@code maxCalls}; 0 means no limit. A sanity bound, not a SIP value. */
    public static final int MAX_CALLS = 10_000;
    /** Ring time before a no-answer forward, in seconds. */
    public static final int MIN_NO_ANSWER_SECONDS = 1;
    public static final int MAX_NO_ANSWER_SECONDS = 600;

    public static final String FORWARD_MODES = "follow, redirect-permanent or redirect-temporary";
    public static final String SRTP_MODES = "optional or required";
    public static final String DESTINATIONS = "local, national, international or premium";

    private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}\\*");
    private static final Pattern CODEC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-_]*");

    private LineRules() {}

    /** A reject rule: an E.164 number, a prefix ending in * or "anonymous"; else what is wrong. */
    public static Optional<String> rejectProblem(String entry) {
        String r = entry == null ? "" : entry.strip();
        boolean ok = r.equalsIgnoreCase("anonymous") || PREFIX.matcher(r).matches() || E164.isValid(r);
        return ok ? Optional.empty() : Optional.of("must be an E.164 number, a prefix ending in * (\"+4930*\") or"
                + " anonymous, got \"" + r + "\"");
    }

    /** A codec as SDP names it in rtpmap (RFC 4566 §6); else what is wrong. */
    public static Optional<String> codecProblem(String name) {
        if (name != null && CODEC.matcher(name).matches()) return Optional.empty();
        return Optional.of("must be a codec name such as PCMA, PCMU, G722 or opus, got \"" + name + "\"");
    }

    public static boolean maxCallsAllowed(int maxCalls) {
        return maxCalls >= 0 && maxCalls <= MAX_CALLS;
    }

    public static boolean noAnswerSecondsAllowed(int seconds) {
        return seconds >= MIN_NO_ANSWER_SECONDS && seconds <= MAX_NO_ANSWER_SECONDS;
    }

    /** "follow", "redirect-permanent", "redirect-temporary" (case-insensitive). */
    public static Optional<ForwardMode> forwardMode(String name) {
        return switch (lower(name)) {
            case "follow" -> Optional.of(ForwardMode.FOLLOW);
            case "redirect-permanent" -> Optional.of(ForwardMode.REDIRECT_PERMANENT);
            case "redirect-temporary" -> Optional.of(ForwardMode.REDIRECT_TEMPORARY);
            default -> Optional.empty();
        };
    }

    public static Optional<Srtp> srtp(String name) {
        return switch (lower(name)) {
            case "optional" -> Optional.of(Srtp.OPTIONAL);
            case "required" -> Optional.of(Srtp.REQUIRED);
            default -> Optional.empty();
        };
    }

    public static Optional<Destination> destination(String name) {
        for (Destination d : Destination.values()) {
            if (d.name().equals(name == null ? "" : name.strip().toUpperCase(Locale.ROOT))) return Optional.of(d);
        }
        return Optional.empty();
    }

    /**
     * Checks a whole line against these rules, however it was put together;
     * refuses the first value outside them, named as the {@code line} section
     * names it ("reject[1]", "forward.busy.to").
     */
    public static void check(LineSettings s) {
        if (!maxCallsAllowed(s.maxCalls())) {
            throw Refusal.invalid("maxCalls", "maxCalls must be 0.." + MAX_CALLS + ", got " + s.maxCalls());
        }
        if (!noAnswerSecondsAllowed(s.noAnswerSeconds())) {
            throw Refusal.invalid("forward.noAnswer.after", "forward.noAnswer.after must be " + MIN_NO_ANSWER_SECONDS
                    + ".." + MAX_NO_ANSWER_SECONDS + " seconds, got " + s.noAnswerSeconds());
        }
        checkTarget("unconditional", s.unconditional());
        checkTarget("busy", s.busy());
        checkTarget("noAnswer", s.noAnswer());
        checkTarget("offline", s.offline());
        checkEach("reject", s.rejectCallers(), LineRules::rejectProblem);
        checkEach("codecs", s.codecs(), LineRules::codecProblem);
    }

    private static void checkTarget(String kind, Forward f) {
        if (f != null && (f.target() == null || f.target().isBlank())) {
            String key = "forward." + kind + ".to";
            throw Refusal.invalid(key, key + " must not be empty (the number or SIP ID calls go to)");
        }
    }

    private static void checkEach(String key, List<String> values, Function<String, Optional<String>> rule) {
        for (int i = 0; i < values.size(); i++) {
            String field = key + "[" + i + "]";
            rule.apply(values.get(i)).ifPresent(p -> { throw Refusal.invalid(field, field + " " + p); });
        }
    }

    /** The name the readers above take back: "redirect-permanent", "required", "international". */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
