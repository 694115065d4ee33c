package org.clearline.admin.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.clearline.admin.accounts.AccountService;
import org.clearline.admin.accounts.LineRules;
import org.clearline.store.JdbcStore;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code line show|set}: the telephony features of an account's line. */
final class LineCommands {
    private LineCommands() {}

    @Command(name = "line", mixinStandardHelpOptions = true,
            description = "Show or change a line's features: forwards, do-not-disturb, limits, rules, codecs.")
    static final class Group implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new CliException("line: missing command (show, set); see 'clearline line --help'");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a line's features.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ACCOUNT", description = "the SIP ID")
        String sipId;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (JdbcStore store = context.openStore()) {
                LineSettings s = context.accounts(store).line(sipId);
                var out = context.out();
                out.println("line " + sipId);
                out.println(row("do-not-disturb", (s.dnd() ? "on" : "off")));
                out.println(row("max calls", (s.maxCalls() == 0 ? "no limit" : s.maxCalls())));
                out.println(row("forward always", describe(s.unconditional())));
                out.println(row("forward busy", describe(s.busy())));
                out.println(row("forward no answer", describe(s.noAnswer())
                        + (s.noAnswer() == null ? "" : " after " + s.noAnswerSeconds() + "s")));
                out.println(row("forward offline", describe(s.offline())));
                out.println(row("reject callers", (s.rejectCallers().isEmpty() ? "none" : String.join(", ", s.rejectCallers()))));
                out.println(row("codecs", (s.codecs().isEmpty() ? "any" : String.join(", ", s.codecs()))));
                out.println(row("srtp", LineRules.name(s.srtp())));
                out.println(row("may call", (s.permissions().isEmpty() ? "nothing"
                        : String.join(", ", s.permissions().stream().sorted().map(LineRules::name).toList()))));
            }
            return 0;
        }

        private static String row(String label, Object value) {
            return String.format("  %-18s %s", label, value);
        }

        private static String describe(Forward f) {
            if (f == null) return "off";
            return f.target() + " (" + LineRules.name(f.mode()) + ")";
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change a line's features; options not given stay as they are.")
    static final class Set_ implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ACCOUNT", description = "the SIP ID")
        String sipId;

        @Option(names = "--dnd", paramLabel = "on|off", description = "do-not-disturb")
        String dnd;

        @Option(names = "--max-calls", paramLabel = "N", description = "simultaneous calls, 0 for no limit")
        Integer maxCalls;

        @Option(names = "--forward", paramLabel = "KIND=TARGET[:MODE]",
                description = "KIND: always, busy, no-answer, offline; MODE: follow (default), redirect-permanent, "
                        + "redirect-temporary; TARGET 'off' removes the forward")
        List<String> forwards = new ArrayList<>();

        @Option(names = "--no-answer-after", paramLabel = "SECONDS", description = "ring time before the no-answer forward")
        Integer noAnswerAfter;

        @Option(names = "--reject", paramLabel = "CALLERS", split = ",",
                description = "callers to decline: numbers, prefixes ending in *, anonymous; 'none' clears")
        List<String> reject;

        @Option(names = "--codecs", paramLabel = "NAMES", split = ",", description = "allowed codecs; 'any' clears")
        List<String> codecs;

        @Option(names = "--srtp", paramLabel = "optional|required", description = "whether SRTP is required")
        String srtp;

        @Option(names = "--permissions", paramLabel = "CLASSES", split = ",",
                description = "local, national, international, premium; 'none' for nothing")
        List<String> permissions;

        Set_(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (JdbcStore store = context.openStore()) {
                AccountService accounts = context.accounts(store);
                LineSettings s = accounts.line(sipId);
                Forward always = s.unconditional();
                Forward busy = s.busy();
                Forward noAnswer = s.noAnswer();
                Forward offline = s.offline();
                for (String f : forwards) {
                    int eq = f.indexOf('=');
                    if (eq <= 0) throw new CliException("--forward: expected KIND=TARGET[:MODE], got '" + f + "'");
                    Forward value = forward(f.substring(eq + 1));
                    switch (f.substring(0, eq).toLowerCase(Locale.ROOT)) {
                        case "always", "unconditional" -> always = value;
                        case "busy" -> busy = value;
                        case "no-answer" -> noAnswer = value;
                        case "offline" -> offline = value;
                        default -> throw new CliException("--forward: kind must be always, busy, no-answer or offline, got '"
                                + f.substring(0, eq) + "'");
                    }
                }
                if (maxCalls != null && maxCalls < 0) throw new CliException("--max-calls must be 0 or more, got " + maxCalls);
                if (maxCalls != null && !LineRules.maxCallsAllowed(maxCalls)) {
                    throw new CliException("--max-calls must be at most " + LineRules.MAX_CALLS + ", got " + maxCalls);
                }
                if (noAnswerAfter != null && !LineRules.noAnswerSecondsAllowed(noAnswerAfter)) {
                    throw new CliException("--no-answer-after must be " + LineRules.MIN_NO_ANSWER_SECONDS + ".."
                            + LineRules.MAX_NO_ANSWER_SECONDS + " seconds, got " + noAnswerAfter);
                }
                List<String> rejected = reject == null ? s.rejectCallers() : checked("--reject", cleared(reject, "none"),
                        LineRules::rejectProblem);
                List<String> allowed = codecs == null ? s.codecs() : checked("--codecs", cleared(codecs, "any"),
                        LineRules::codecProblem);
                LineSettings updated = new LineSettings(dnd == null ? s.dnd() : onOff("--dnd", dnd),
                        maxCalls == null ? s.maxCalls() : maxCalls, always, busy, noAnswer,
                        noAnswerAfter == null ? s.noAnswerSeconds() : noAnswerAfter, offline, rejected, allowed,
                        srtp == null ? s.srtp() : LineRules.srtp(srtp).orElseThrow(() -> new CliException(
                                "--srtp must be " + LineRules.SRTP_MODES + ", got '" + srtp + "'")),
                        permissions == null ? s.permissions() : permissions());
                accounts.setLine(sipId, updated);
            }
            context.out().println("updated line " + sipId);
            return 0;
        }

        private static Forward forward(String spec) {
            if (spec.equalsIgnoreCase("off")) return null;
            int colon = spec.lastIndexOf(':');
            String target = colon < 0 ? spec : spec.substring(0, colon);
            String mode = colon < 0 ? "follow" : spec.substring(colon + 1).toLowerCase(Locale.ROOT);
            ForwardMode m = LineRules.forwardMode(mode).orElseThrow(() -> new CliException(
                    "--forward: mode must be " + LineRules.FORWARD_MODES + ", got '" + mode + "'"));
            if (target.isBlank()) throw new CliException("--forward: the target is empty");
            return new Forward(target, m);
        }

        private static boolean onOff(String option, String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new CliException(option + " must be on or off, got '" + v + "'");
            };
        }

        private static List<String> cleared(List<String> values, String clearWord) {
            return values.size() == 1 && values.get(0).equalsIgnoreCase(clearWord) ? List.of() : values;
        }

        /** The values, each held to the rule the config file's {@code line} section holds it to. */
        private static List<String> checked(String option, List<String> values, Function<String, Optional<String>> rule) {
            for (String v : values) rule.apply(v).ifPresent(p -> { throw new CliException(option + ": " + p); });
            return values;
        }

        private Set<Destination> permissions() {
            if (permissions.size() == 1 && permissions.get(0).equalsIgnoreCase("none")) return Set.of();
            Set<Destination> out = EnumSet.noneOf(Destination.class);
            for (String p : permissions) {
                out.add(LineRules.destination(p).orElseThrow(() -> new CliException(
                        "--permissions: must be " + LineRules.DESTINATIONS + ", got '" + p + "'")));
            }
            return out;
        }
    }
}
