package org.clearline.admin.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.clearline.admin.accounts.LineRules;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;

/**
 * Reads an account's {@code line} section: its telephony features.
 * <pre>
 * line:
 *   dnd: false
 *   maxCalls: 1
 *   forward:
 *     unconditional: { to: "+493012345002", mode: redirect-permanent }   # follow | redirect-permanent | redirect-temporary
 *     busy:          { to: "+493012345002", mode: follow }
 *     noAnswer:      { to: "+493012345002", after: 20s, mode: follow }
 *     offline:       { to: "+493012345002", mode: follow }
 *   reject: ["+493012345001", "+4930*", "anonymous"]
 *   codecs: [G722]
 *   srtp: optional          # or required
 *   permissions: [local, national]   # local, national, international, premium; [] for none
 * </pre>
 */
public final class LineReader {
    private static final List<String> KEYS = List.of("dnd", "maxCalls", "forward", "reject", "codecs", "srtp",
            "permissions");

    private LineReader() {}

    static LineSettings read(ConfigNode account) throws ConfigException {
        if (!account.has("line")) return LineSettings.DEFAULT;
        return section(account.section("line", KEYS));
    }

    /**
     * A {@code line} section on its own, e.g. the JSON body of {@code PUT
     * /api/v1/accounts/{sipId}/line}: the same keys and rules as in the config
     * file, with errors naming keys relative to it ({@code forward.busy.mode}).
     *
     * @param line a JSON object (the caller checks that it is one)
     */
    public static LineSettings read(JsonNode line) throws ConfigException {
        return section(ConfigNode.root(line, KEYS));
    }

    private static LineSettings section(ConfigNode line) throws ConfigException {
        ConfigNode fwd = line.section("forward", List.of("unconditional", "busy", "noAnswer", "offline"));
        Forward unconditional = forward(fwd, "unconditional", false);
        Forward busy = forward(fwd, "busy", false);
        Forward noAnswer = forward(fwd, "noAnswer", true);
        Forward offline = forward(fwd, "offline", false);
        int noAnswerSeconds = LineSettings.DEFAULT_NO_ANSWER_SECONDS;
        if (fwd.has("noAnswer")) {
            Duration after = fwd.section("noAnswer", List.of("to", "mode", "after"))
                    .duration("after", Duration.ofSeconds(noAnswerSeconds), true);
            if (after.toSeconds() > LineRules.MAX_NO_ANSWER_SECONDS) {
                throw fwd.error("noAnswer.after", "must be at most " + LineRules.MAX_NO_ANSWER_SECONDS + "s, got "
                        + after.toSeconds() + "s");
            }
            noAnswerSeconds = (int) Math.max(LineRules.MIN_NO_ANSWER_SECONDS, after.toSeconds());
        }
        List<String> reject = line.textList("reject");
        for (int i = 0; i < reject.size(); i++) {
            Optional<String> problem = LineRules.rejectProblem(reject.get(i));
            if (problem.isPresent()) throw new ConfigException(line.key("reject") + "[" + i + "]", problem.get());
        }
        List<String> codecs = line.textList("codecs");
        for (int i = 0; i < codecs.size(); i++) {
            Optional<String> problem = LineRules.codecProblem(codecs.get(i));
            if (problem.isPresent()) throw new ConfigException(line.key("codecs") + "[" + i + "]", problem.get());
        }
        String srtp = line.text("srtp", "optional");
        Srtp srtpMode = LineRules.srtp(srtp).orElseThrow(() -> line.error("srtp",
                "must be " + LineRules.SRTP_MODES + ", got \"" + srtp.toLowerCase(Locale.ROOT) + "\""));
        return new LineSettings(line.bool("dnd", false), line.integer("maxCalls", 0, 0, LineRules.MAX_CALLS),
                unconditional, busy, noAnswer, noAnswerSeconds, offline, reject, codecs, srtpMode, permissions(line));
    }

    private static Forward forward(ConfigNode fwd, String name, boolean hasAfter) throws ConfigException {
        if (!fwd.has(name)) return null;
        ConfigNode f = fwd.section(name, hasAfter ? List.of("to", "mode", "after") : List.of("to", "mode"));
        String to = f.requiredText("to", "the number or SIP ID calls go to, e.g. \"+493012345002\"");
        String mode = f.text("mode", "follow");
        ForwardMode m = LineRules.forwardMode(mode).orElseThrow(() -> f.error("mode",
                "must be " + LineRules.FORWARD_MODES + ", got \"" + mode.toLowerCase(Locale.ROOT) + "\""));
        return new Forward(to, m);
    }

    private static Set<Destination> permissions(ConfigNode line) throws ConfigException {
        if (!line.has("permissions")) return LineSettings.DEFAULT.permissions();
        Set<Destination> out = EnumSet.noneOf(Destination.class);
        List<String> names = line.textList("permissions");
        for (int i = 0; i < names.size(); i++) {
            Optional<Destination> d = LineRules.destination(names.get(i));
            if (d.isEmpty()) {
                throw new ConfigException(line.key("permissions") + "[" + i + "]",
                        "must be " + LineRules.DESTINATIONS + ", got \"" + names.get(i) + "\"");
            }
            out.add(d.get());
        }
        return out;
    }
}
