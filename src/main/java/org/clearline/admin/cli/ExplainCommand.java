package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.clearline.admin.Refusal;
import org.clearline.admin.calls.CallExplanation;
import org.clearline.admin.calls.ExplainChoices;
import org.clearline.admin.calls.Since;
import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Heading;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcStore;
import org.clearline.store.RegistrationRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code explain CODE|SITUATION-ID}: a status code in everyday words with the
 * situations of Clearline that send it, or one situation, told to one audience.
 * Works without a store: the texts ship with the program.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a SIP status code, a failure situation or a logged call in plain words.")
final class ExplainCommand implements Callable<Integer> {
    /** Explanations are wrapped to this many columns. */
    static final int WIDTH = 100;
    private static final Pattern THREE_DIGITS = Pattern.compile("[0-9]{3}");

    private final CliContext context;

    @Parameters(arity = "0..1", paramLabel = "CODE|SITUATION-ID",
            description = "a status code such as 486, a situation id such as callee.dnd, or a logged call's Call-ID")
    String subject;

    @Option(names = "--lang", paramLabel = "en|de", description = "language of the texts (default: en)")
    String lang = "en";

    @Option(names = "--audience", paramLabel = "caller|owner|admin",
            description = "whose view to show (default: admin)")
    String audience = "admin";

    @Option(names = "--list", description = "list every situation id with its code and title")
    boolean list;

    ExplainCommand(CliContext context) {
        this.context = context;
    }

    /** What the argument names; anything else may be a Call-ID in the call log. */
    sealed interface Subject {
        record Code(int code) implements Subject {}
        record OneSituation(Situation situation) implements Subject {}
        record Unknown(String text) implements Subject {}
    }

    static Subject parse(String text) {
        String t = text.strip();
        if (THREE_DIGITS.matcher(t).matches() && ExplainedCodes.isStatusCode(Integer.parseInt(t))) {
            return new Subject.Code(Integer.parseInt(t));
        }
        Situation s = Situation.byId(t.toLowerCase(Locale.ROOT));
        return s != null ? new Subject.OneSituation(s) : new Subject.Unknown(text);
    }

    @Override
    public Integer call() {
        Language language;
        Audience who;
        try {
            language = ExplainChoices.language(lang);
            who = ExplainChoices.audience(audience);
        } catch (Refusal r) {
            throw CliException.option("explain", r);
        }
        Explanations texts = Explanations.load(language);
        PrintWriter out = context.out();
        if (list) {
            if (subject != null) throw new CliException("explain: give either --list or a CODE|SITUATION-ID, not both");
            printList(out, texts, who);
            return 0;
        }
        if (subject == null) {
            throw new CliException("explain: give a CODE or SITUATION-ID, or --list; see 'clearline explain --help'");
        }
        switch (parse(subject)) {
            case Subject.Code c -> printCode(out, texts, who, texts.explainCode(c.code()).orElseThrow());
            case Subject.OneSituation s -> printSituation(out, texts, who, s.situation(), true);
            case Subject.Unknown u -> printLogged(out, texts, who, u.text());
        }
        out.flush();
        return 0;
    }

    private CliException unknown(String text) {
        return new CliException("unknown code or situation '" + text
                + "' (codes: " + ExplainedCodes.LOWEST + ".." + ExplainedCodes.HIGHEST
                + ", situations: clearline explain --list, Call-IDs: clearline calls)");
    }

    /**
     * A Call-ID in the log: a call, else a registration attempt. The store is only
     * opened when it already exists (explain works without one).
     */
    private void printLogged(PrintWriter out, Explanations texts, Audience who, String callId) {
        if (!Files.isDirectory(context.dataDir())) throw unknown(callId);
        try (JdbcStore store = context.openStore()) {
            Optional<CallRecord> call = store.callLog().find(callId.strip());
            if (call.isPresent()) {
                printCall(out, texts, who, call.get());
                return;
            }
            RegistrationRecord r = store.callLog().findRegistration(callId.strip()).orElseThrow(() -> unknown(callId));
            printRegistration(out, texts, who, r);
        }
    }

    private static void printRegistration(PrintWriter out, Explanations texts, Audience who, RegistrationRecord r) {
        out.println("Registration " + r.callId() + " at " + Since.format(r.atMillis()) + " UTC from " + r.source());
        out.println("  account: " + (r.sipId() == null ? "(none known)" : r.sipId()));
        out.println("  result: " + r.code() + (r.situation() == null ? "" : " [" + r.situation() + "]"));
        out.println();
        Situation s = r.situation() == null ? null : Situation.byId(r.situation());
        if (s != null) {
            printSituation(out, texts, who, s, true);
            out.println();
        }
        LadderDiagram.print(out, r);
    }

    private static void printCall(PrintWriter out, Explanations texts, Audience who, CallRecord c) {
        out.println("Call " + c.callId() + " at " + Since.format(c.startedAt()) + " UTC from " + c.source());
        out.println("  caller: " + c.caller());
        out.println("  callee: " + c.callee() + (c.calleeE164() == null || c.calleeE164().equals(c.callee())
                ? "" : " (" + c.calleeE164() + ")"));
        out.println("  result: " + c.code() + (c.situation() == null ? "" : " [" + c.situation() + "]")
                + (c.durationMillis() >= 0 ? ", talked " + CallsCommand.duration(c.durationMillis()) : ""));
        if (c.postDialMillis() >= 0) {
            out.println("  post-dial delay: " + c.postDialMillis() + " ms, ringing: " + c.ringMillis() + " ms");
        }
        if (!c.route().isEmpty()) {
            out.println("  route:");
            for (int i = 0; i < c.route().size(); i++) out.println("    " + (i + 1) + ". " + c.route().get(i).text());
        }
        out.println();
        switch (CallExplanation.of(c, texts, who)) {
            case CallExplanation.OfSituation s -> printSituation(out, texts, who, s.situation(), true);
            // relayed: the callee or trunk answered so; explain the code in general
            case CallExplanation.OfCode code -> printCode(out, texts, who, code.code());
            case CallExplanation.Nothing nothing -> { }
        }
        out.println();
        LadderDiagram.print(out, c);
    }

    private static void printList(PrintWriter out, Explanations texts, Audience who) {
        Table table = new Table("SITUATION", "CODE", "TITLE");
        for (Situation s : Situation.values()) table.add(s.id(), s.code(), texts.explain(s, who).title());
        table.print(out);
    }

    private static void printCode(PrintWriter out, Explanations texts, Audience who, CodeExplanation code) {
        printCodeMeaning(out, texts, code);
        out.println();
        if (code.situations().isEmpty()) {
            wrap(out, "", texts.heading(Heading.NO_SITUATIONS), "");
            return;
        }
        out.println(texts.heading(Heading.SITUATIONS) + " (" + texts.name(who) + "):");
        for (Situation s : code.situations()) {
            out.println();
            printSituation(out, texts, who, s, false);
        }
    }

    /** "486 Busy Here: Busy", what the code means and the first checks (the analyzer prints this too). */
    static void printCodeMeaning(PrintWriter out, Explanations texts, CodeExplanation code) {
        String head = code.code() + " " + code.reason();
        out.println(code.title().equalsIgnoreCase(code.reason()) ? head : head + ": " + code.title());
        wrap(out, "", code.meaning(), "");
        wrap(out, texts.heading(Heading.FIRST_CHECKS) + ": ", code.check(), "  ");
    }

    static void printSituation(PrintWriter out, Explanations texts, Audience who, Situation s, boolean alone) {
        Explanation e = texts.explain(s, who);
        printExplanation(out, texts, s.id() + ": " + e.title()
                + (alone ? " (" + s.code() + " " + s.reason() + "), " + texts.name(who) : ""), e, s.rfc());
    }

    /** A headline, then what happened, the likely causes, what to check and the reference, indented. */
    static void printExplanation(PrintWriter out, Explanations texts, String headline, Explanation e, String rfc) {
        out.println(headline);
        wrap(out, "  " + texts.heading(Heading.WHAT) + ": ", e.what(), "    ");
        wrap(out, "  " + texts.heading(Heading.CAUSES) + ": ", e.causes(), "    ");
        wrap(out, "  " + texts.heading(Heading.CHECK) + ": ", e.check(), "    ");
        out.println("  " + texts.heading(Heading.RFC) + ": " + rfc);
    }

    /** Prints {@code prefix + text} in lines of at most {@link #WIDTH} columns, later lines after {@code indent}. */
    static void wrap(PrintWriter out, String prefix, String text, String indent) {
        StringBuilder line = new StringBuilder(prefix);
        int start = line.length();
        for (String word : text.split(" +")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(indent);
                start = line.length();
            }
            if (line.length() > start) line.append(' ');
            line.append(word);
        }
        out.println(line);
    }
}
