package org.clearline.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clearline.admin.Refusal;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;
import org.junit.jupiter.api.Test;

/** The rules of a line's features, whichever front end put the line together. */
class LineRulesTest {
    private static final LineSettings D = LineSettings.DEFAULT;

    private static LineSettings line(int maxCalls, Forward busy, int noAnswerSeconds, List<String> reject,
                                     List<String> codecs) {
        return new LineSettings(false, maxCalls, null, busy, null, noAnswerSeconds, null, reject, codecs, Srtp.OPTIONAL,
                D.permissions());
    }

    private static void refused(LineSettings s, String field, String message) {
        assertThatThrownBy(() -> LineRules.check(s)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aLineWithinTheRulesPasses() {
        LineRules.check(D);
        LineRules.check(line(LineRules.MAX_CALLS, new Forward("bob", ForwardMode.FOLLOW), 600,
                List.of("+4930*", "ANONYMOUS", "+493012345001"), List.of("G722", "opus", "telephone-event")));
    }

    @Test
    void eachValueOutsideTheRulesIsRefusedByItsKey() {
        refused(line(10_001, null, 20, List.of(), List.of()), "maxCalls", "maxCalls must be 0..10000, got 10001");
        refused(line(0, null, 601, List.of(), List.of()), "forward.noAnswer.after",
                "forward.noAnswer.after must be 1..600 seconds, got 601");
        refused(line(0, new Forward(" ", ForwardMode.FOLLOW), 20, List.of(), List.of()), "forward.busy.to",
                "forward.busy.to must not be empty (the number or SIP ID calls go to)");
        refused(line(0, null, 20, List.of("anonymous", "4930*"), List.of()), "reject[1]",
                "reject[1] must be an E.164 number, a prefix ending in * (\"+4930*\") or anonymous, got \"4930*\"");
        refused(line(0, null, 20, List.of(), List.of("G722/16000")), "codecs[0]",
                "codecs[0] must be a codec name such as PCMA, PCMU, G722 or opus, got \"G722/16000\"");
    }

    @Test
    void namesAreReadCaseInsensitivelyAndWrittenAsTheyAreRead() {
        assertThat(LineRules.forwardMode("Redirect-Temporary")).contains(ForwardMode.REDIRECT_TEMPORARY);
        assertThat(LineRules.forwardMode("bounce")).isEmpty();
        assertThat(LineRules.srtp("REQUIRED")).contains(Srtp.REQUIRED);
        assertThat(LineRules.destination(" premium ")).contains(Destination.PREMIUM);
        for (ForwardMode m : ForwardMode.values()) assertThat(LineRules.forwardMode(LineRules.name(m))).contains(m);
        for (Destination d : Destination.values()) assertThat(LineRules.destination(LineRules.name(d))).contains(d);
    }
}
