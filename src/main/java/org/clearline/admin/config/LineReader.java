package org.clearline.admin.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clearline.store.E164;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;

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
final class LineReader {
    private static final List<String> KEYS = List.of("dnd", "maxCalls", "forward", "reject", "codecs", "srtp",
            "permissions");

    private LineReader() {}

    static LineSettings read(ConfigNode account) throws ConfigException {
        if (!account.has("line")) return LineSettings.DEFAULT;
        ConfigNode line = account.section("line", KEYS);
        ConfigNode fwd = line.section("forward", List.of("unconditional", "busy", "noAnswer", "offline"));
        Forward unconditional = forward(fwd, "unconditional", false);
        Forward busy = forward(fwd, "busy", false);
        Forward noAnswer = forward(fwd, "noAnswer", true);
        Forward offline = forward(fwd, "offline", false);
        int noAnswerSeconds = LineSettings.DEFAULT_NO_ANSWER_SECONDS;
        if (fwd.has("noAnswer")) {
            Duration after = fwd.section("noAnswer", List.of("to", "mode", "after"))
                    .duration("after", Duration.ofSeconds(noAnswerSeconds), true);
            noAnswerSeconds = (int) Math.max(1, Math.min(after.toSeconds(), 600));
        }
        List<String> reject = line.textList("reject");
        for (int i = 0; i < reject.size(); i++) {
            String r = reject.get(i).strip();
            String number = r.endsWith("*") ? r.substring(0, r.length() - 1) : r;
            boolean ok = r.equalsIgnoreCase("anonymous") || (r.endsWith("*") ? number.matches("\\+[0-9]{1,15}")
                    : E164.problem(number).isEmpty());
            if (!ok) {
                throw new ConfigException(line.key("reject") + "[" + i + "]",
                        "must be an E.164 number, a prefix ending in * (\"+4930*\") or anonymous, got \"" + r + "\"");
            }
        }
        List<String> codecs = line.textList("codecs");
        for (int i = 0; i < codecs.size(); i++) {
            if (!codecs.get(i).matches("[A-Za-z0-9][A-Za-z0-9.\\-_]*")) {
                throw new ConfigException(line.key("codecs") + "[" + i + "]",
                        "must be a codec name such as PCMA, PCMU, G722 or opus, got \"" + codecs.get(i) + "\"");
            }
        }
        String srtp = line.text("srtp", "optional").toLowerCase(Locale.ROOT);
        if (!srtp.equals("optional") && !srtp.equals("required")) {
            throw line.error("srtp", "must be optional or required, got \"" + srtp + "\"");
        }
        return new LineSettings(line.bool("dnd", false), line.integer("maxCalls", 0, 0, 10_000), unconditional, busy,
                noAnswer, noAnswerSeconds, offline, reject, codecs,
                srtp.equals("required") ? LineSettings.Srtp.REQUIRED : LineSettings.Srtp.OPTIONAL,
                permissions(line));
    }

    private static Forward forward(ConfigNode fwd, String name, boolean hasAfter) throws ConfigException {
        if (!fwd.has(name)) return null;
        ConfigNode f = fwd.section(name, hasAfter ? List.of("to", "mode", "after") : List.of("to", "mode"));
        String to = f.requiredText("to", "the number or SIP ID calls go to, e.g. \"+493012345002\"");
        String mode = f.text("mode", "follow").toLowerCase(Locale.ROOT);
        ForwardMode m = switch (mode) {
            case "follow" -> ForwardMode.FOLLOW;
            case "redirect-permanent" -> ForwardMode.REDIRECT_PERMANENT;
            case "redirect-temporary" -> ForwardMode.REDIRECT_TEMPORARY;
            default -> throw f.error("mode", "must be follow, redirect-permanent or redirect-temporary, got \""
                    + mode + "\"");
        };
        return new Forward(to, m);
    }

    private static Set<Destination> permissions(ConfigNode line) throws ConfigException {
        if (!line.has("permissions")) return LineSettings.DEFAULT.permissions();
        Set<Destination> out = EnumSet.noneOf(Destination.class);
        List<String> names = line.textList("permissions");
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).toUpperCase(Locale.ROOT);
            try {
                out.add(Destination.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(line.key("permissions") + "[" + i + "]",
                        "must be local, national, international or premium, got \"" + names.get(i) + "\"");
            }
        }
        return out;
    }
}
