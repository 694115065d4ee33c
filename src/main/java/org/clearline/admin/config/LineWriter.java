package org.clearline.admin.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clearline.admin.accounts.LineRules;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Forward;

/**
 * A line's features as a {@code line} section: the shape {@link LineReader}
 * reads, so what the API hands out can be put back unchanged. Forwards that are
 * off are left out; the no-answer time is written as plain seconds.
 */
public final class LineWriter {
    private LineWriter() {}

    /** An ordered tree of maps, lists, strings, numbers and booleans (for JSON or YAML). */
    public static Map<String, Object> write(LineSettings s) {
        Map<String, Object> forward = new LinkedHashMap<>();
        putForward(forward, "unconditional", s.unconditional(), null);
        putForward(forward, "busy", s.busy(), null);
        putForward(forward, "noAnswer", s.noAnswer(), s.noAnswerSeconds());
        putForward(forward, "offline", s.offline(), null);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dnd", s.dnd());
        line.put("maxCalls", s.maxCalls());
        line.put("forward", forward);
        line.put("reject", s.rejectCallers());
        line.put("codecs", s.codecs());
        line.put("srtp", LineRules.name(s.srtp()));
        line.put("permissions", s.permissions().stream().sorted().map(LineRules::name).toList());
        return line;
    }

    private static void putForward(Map<String, Object> forward, String kind, Forward f, Integer afterSeconds) {
        if (f == null) return;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("to", f.target());
        entry.put("mode", LineRules.name(f.mode()));
        if (afterSeconds != null) entry.put("after", afterSeconds);
        forward.put(kind, entry);
    }
}
