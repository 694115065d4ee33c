package org.clearline.features;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;

/**
 * {@link LineSettings} for tests, written the way the provisioning file reads:
 * {@code Line.plain().dnd().busy("+493012345002", FOLLOW).settings()}.
 */
final class Line {
    private boolean dnd;
    private int maxCalls;
    private Forward unconditional;
    private Forward busy;
    private Forward noAnswer;
    private int noAnswerSeconds = LineSettings.DEFAULT_NO_ANSWER_SECONDS;
    private Forward offline;
    private List<String> reject = List.of();
    private List<String> codecs = List.of();
    private Srtp srtp = Srtp.OPTIONAL;
    private Set<Destination> permissions = LineSettings.DEFAULT.permissions();

    private Line() {}

    static Line plain() {
        return new Line();
    }

    Line dnd() {
        dnd = true;
        return this;
    }

    Line maxCalls(int n) {
        maxCalls = n;
        return this;
    }

    Line always(String to, ForwardMode mode) {
        unconditional = new Forward(to, mode);
        return this;
    }

    Line busy(String to, ForwardMode mode) {
        busy = new Forward(to, mode);
        return this;
    }

    Line noAnswer(String to, ForwardMode mode, int seconds) {
        noAnswer = new Forward(to, mode);
        noAnswerSeconds = seconds;
        return this;
    }

    Line offline(String to, ForwardMode mode) {
        offline = new Forward(to, mode);
        return this;
    }

    Line reject(String... callers) {
        reject = List.of(callers);
        return this;
    }

    Line codecs(String... names) {
        codecs = List.of(names);
        return this;
    }

    Line srtpRequired() {
        srtp = Srtp.REQUIRED;
        return this;
    }

    Line mayCall(Destination... classes) {
        permissions = classes.length == 0 ? Set.of() : EnumSet.copyOf(List.of(classes));
        return this;
    }

    LineSettings settings() {
        return new LineSettings(dnd, maxCalls, unconditional, busy, noAnswer, noAnswerSeconds, offline, reject, codecs,
                srtp, permissions);
    }
}
