package org.clearline.admin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code line} section of an account: every feature of issue 4, and one-line errors naming the key. */
class LineReaderTest {
    private static final Set<Destination> DEFAULT_PERMISSIONS = LineSettings.DEFAULT.permissions();

    private static LineSettings line(String yamlOfLine) throws ConfigException {
        ClearlineConfig c = ConfigLoader.parse("server: {domain: d.test}\naccounts:\n"
                + "  - {sipId: a, password: x, line: " + yamlOfLine + "}\n", "test.yaml");
        return c.accounts().get(0).line();
    }

    private static LineSettings settings(boolean dnd, int maxCalls, Forward always, Forward busy, Forward noAnswer,
                                         int seconds, Forward offline, List<String> reject, List<String> codecs,
                                         Srtp srtp, Set<Destination> permissions) {
        return new LineSettings(dnd, maxCalls, always, busy, noAnswer, seconds, offline, reject, codecs, srtp,
                permissions);
    }

    @Test
    void theDemoLinesAreReadAsIssue4DescribesThem() throws Exception {
        ClearlineConfig demo = ConfigLoader.load(Path.of("examples/demo.yaml"));
        Map<String, LineSettings> lines = new LinkedHashMap<>();
        for (AccountConfig a : demo.accounts()) lines.put(a.sipId(), a.line());
        LineSettings plain = LineSettings.DEFAULT;
        assertThat(lines).containsExactly(
                Map.entry("alice", settings(false, 0, null, null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL,
                        EnumSet.of(Destination.LOCAL, Destination.NATIONAL))),
                Map.entry("bob", plain),
                Map.entry("carol", settings(true, 0, null, null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL,
                        DEFAULT_PERMISSIONS)),
                Map.entry("dave", settings(false, 1, null, null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL,
                        DEFAULT_PERMISSIONS)),
                Map.entry("erin", settings(false, 0, new Forward("+493012345002", ForwardMode.REDIRECT_PERMANENT),
                        null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("frank", settings(false, 0, new Forward("+493012345002", ForwardMode.REDIRECT_TEMPORARY),
                        null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("grace", settings(false, 0, new Forward("+493012345008", ForwardMode.FOLLOW),
                        null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("heidi", settings(false, 0, new Forward("+493012345007", ForwardMode.FOLLOW),
                        null, null, 20, null, List.of(), List.of(), Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("ivan", settings(false, 0, null, null, null, 20, null, List.of("+493012345001"), List.of(),
                        Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("judy", settings(false, 0, null, null, null, 20, null, List.of(), List.of("G722"),
                        Srtp.OPTIONAL, DEFAULT_PERMISSIONS)),
                Map.entry("ken", plain),
                Map.entry("peggy", plain));
        assertThat(demo.accounts()).extracting(AccountConfig::numbers).containsExactly(
                List.of("+493012345001"), List.of("+493012345002"), List.of("+493012345003"),
                List.of("+493012345004"), List.of("+493012345005"), List.of("+493012345006"),
                List.of("+493012345007"), List.of("+493012345008"), List.of("+493012345009"),
                List.of("+493012345010"), List.of("+493012345011"), List.of("+493012345012"));
    }

    @Test
    void readsEveryFeature() throws Exception {
        LineSettings s = line("""
                { dnd: true, maxCalls: 2,
                  forward: { unconditional: { to: "bob", mode: redirect-temporary },
                             busy: { to: "+493012345002" },
                             noAnswer: { to: "030 12345003", after: 15s, mode: FOLLOW },
                             offline: { to: "+4989123456", mode: redirect-permanent } },
                  reject: ["+493012345001", "+4989*", "anonymous"],
                  codecs: [G722, PCMA, opus],
                  srtp: required,
                  permissions: [local, premium] }""");
        assertThat(s).isEqualTo(settings(true, 2, new Forward("bob", ForwardMode.REDIRECT_TEMPORARY),
                new Forward("+493012345002", ForwardMode.FOLLOW), new Forward("030 12345003", ForwardMode.FOLLOW), 15,
                new Forward("+4989123456", ForwardMode.REDIRECT_PERMANENT),
                List.of("+493012345001", "+4989*", "anonymous"), List.of("G722", "PCMA", "opus"), Srtp.REQUIRED,
                EnumSet.of(Destination.LOCAL, Destination.PREMIUM)));
    }

    @Test
    void anEmptyPermissionListMeansNothingAndAnAbsentOneTheDefault() throws Exception {
        assertThat(line("{ permissions: [] }").permissions()).isEmpty();
        assertThat(line("{ dnd: false }").permissions()).isEqualTo(DEFAULT_PERMISSIONS);
        assertThat(line("{ permissions: [INTERNATIONAL] }").permissions()).containsExactly(Destination.INTERNATIONAL);
    }

    @Test
    void theNoAnswerTimeIsInSecondsWithOrWithoutUnit() throws Exception {
        assertThat(line("{ forward: { noAnswer: { to: bob, after: 30 } } }").noAnswerSeconds()).isEqualTo(30);
        assertThat(line("{ forward: { noAnswer: { to: bob, after: 2m } } }").noAnswerSeconds()).isEqualTo(120);
        assertThat(line("{ forward: { noAnswer: { to: bob } } }").noAnswerSeconds())
                .isEqualTo(LineSettings.DEFAULT_NO_ANSWER_SECONDS);
    }

    @Test
    void anAccountWithoutLineIsPlainAndAnEmptyLineToo() throws Exception {
        ClearlineConfig c = ConfigLoader.parse("server: {domain: d.test}\naccounts: [{sipId: a, password: x}]",
                "test.yaml");
        assertThat(c.accounts().get(0).line()).isEqualTo(LineSettings.DEFAULT);
        assertThat(line("{}")).isEqualTo(LineSettings.DEFAULT);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        { dnd: maybe }                                | accounts[0].line.dnd: must be true or false, got "maybe"
        { maxCalls: -1 }                              | accounts[0].line.maxCalls: must be 0..10000, got -1
        { maxCalls: "1" }                             | accounts[0].line.maxCalls: must be a whole number, got "1"
        { dnt: true }                                 | accounts[0].line.dnt: unknown key (known here: dnd, maxCalls, forward, reject, codecs, srtp, permissions)
        dnd                                           | accounts[0].line: must be a mapping (key: value lines), got "dnd"
        { forward: [busy] }                           | accounts[0].line.forward: must be a mapping (key: value lines), got a list
        { forward: { always: { to: bob } } }          | accounts[0].line.forward.always: unknown key (known here: unconditional, busy, noAnswer, offline)
        { forward: { busy: { to: bob, mode: bounce } } } | accounts[0].line.forward.busy.mode: must be follow, redirect-permanent or redirect-temporary, got "bounce"
        { forward: { busy: { mode: follow } } }       | accounts[0].line.forward.busy.to: missing (the number or SIP ID calls go to, e.g. "+493012345002")
        { forward: { offline: { to: "" } } }          | accounts[0].line.forward.offline.to: must not be empty (the number or SIP ID calls go to, e.g. "+493012345002")
        { forward: { unconditional: { to: +493012345002 } } } | accounts[0].line.forward.unconditional.to: must be text in quotes, got 493012345002 (a number) (write it as "493012345002")
        { forward: { busy: { to: bob, after: 10s } } } | accounts[0].line.forward.busy.after: unknown key (known here: to, mode)
        { forward: { busy: "+493012345002" } }        | accounts[0].line.forward.busy: must be a mapping (key: value lines), got "+493012345002"
        { forward: { noAnswer: { to: bob, after: soon } } } | accounts[0].line.forward.noAnswer.after: must be a duration like 500ms, 4s, 3m or 1h, got "soon"
        { forward: { noAnswer: { to: bob, after: 0s } } } | accounts[0].line.forward.noAnswer.after: must be longer than 0, got 0s
        { forward: { noAnswer: { to: bob, after: 11m } } } | accounts[0].line.forward.noAnswer.after: must be at most 600s, got 660s
        { reject: ["+493012345001", "030123"] }       | accounts[0].line.reject[1]: must be an E.164 number, a prefix ending in * ("+4930*") or anonymous, got "030123"
        { reject: ["4930*"] }                         | accounts[0].line.reject[0]: must be an E.164 number, a prefix ending in * ("+4930*") or anonymous, got "4930*"
        { reject: [+493012345001] }                   | accounts[0].line.reject[0]: must be text in quotes, got 493012345001 (a number) (write it as "493012345001")
        { reject: "+493012345001" }                   | accounts[0].line.reject: must be a list, e.g. ["a", "b"], got "+493012345001"
        { codecs: [G722, "G722/16000"] }              | accounts[0].line.codecs[1]: must be a codec name such as PCMA, PCMU, G722 or opus, got "G722/16000"
        { srtp: mandatory }                           | accounts[0].line.srtp: must be optional or required, got "mandatory"
        { srtp: true }                                | accounts[0].line.srtp: must be text in quotes, got true (a boolean) (write it as "true")
        { permissions: [local, world] }               | accounts[0].line.permissions[1]: must be local, national, international or premium, got "world"
        { permissions: local }                        | accounts[0].line.permissions: must be a list, e.g. ["a", "b"], got "local"
        """)
    void refusesBadValuesWithOneLineNamingTheKey(String yamlOfLine, String message) {
        assertThatThrownBy(() -> line(yamlOfLine))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error: " + message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theKeyNamesTheAccountByItsPlaceInTheList() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                server: {domain: d.test}
                accounts:
                  - {sipId: a, password: x}
                  - {sipId: b, password: y, line: { forward: { busy: { to: a, mode: loop } } } }
                """, "test.yaml"))
                .hasMessage("config error: accounts[1].line.forward.busy.mode: must be follow, redirect-permanent "
                        + "or redirect-temporary, got \"loop\"");
    }
}
