package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import org.clearline.admin.api.ApiHarness.Response;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /accounts/{sipId}/line}: the config file's {@code line} section over HTTP, with the same rules. */
class LineApiTest extends OneServerPerClass {
    private static final String FULL = """
            {"dnd": true, "maxCalls": 2,
             "forward": {"unconditional": {"to": "+493012345002", "mode": "redirect-permanent"},
                         "busy": {"to": "bob", "mode": "follow"},
                         "noAnswer": {"to": "030 12345003", "mode": "follow", "after": 15},
                         "offline": {"to": "+4989123456", "mode": "redirect-temporary"}},
             "reject": ["+4930*", "anonymous", "+493012345099"],
             "codecs": ["G722", "PCMA"],
             "srtp": "required",
             "permissions": ["local", "premium"]}""";

    @BeforeAll
    void start() throws Exception {
        assertThat(api.post("/accounts", "{\"sipId\": \"alice\", \"password\": \"a\"}").status()).isEqualTo(201);
    }

    @Test
    void aPutLineIsStoredReadBackInTheSameShapeAndShownWithTheAccount() throws Exception {
        Response put = api.put("/accounts/alice/line", FULL);
        assertThat(put.status()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        assertThat(put.json()).isEqualTo(json.readTree(FULL));
        assertThat(api.store.lines().get("alice")).isEqualTo(new LineSettings(true, 2,
                new Forward("+493012345002", ForwardMode.REDIRECT_PERMANENT), new Forward("bob", ForwardMode.FOLLOW),
                new Forward("030 12345003", ForwardMode.FOLLOW), 15,
                new Forward("+4989123456", ForwardMode.REDIRECT_TEMPORARY),
                List.of("+4930*", "anonymous", "+493012345099"), List.of("G722", "PCMA"), Srtp.REQUIRED,
                EnumSet.of(Destination.LOCAL, Destination.PREMIUM)));
        assertThat(api.get("/accounts/alice/line").json()).isEqualTo(json.readTree(FULL));
        assertThat(api.get("/accounts/alice").json().path("line")).isEqualTo(json.readTree(FULL));

        // what GET gives can be PUT back unchanged; keys left out take their defaults, as in the config file
        assertThat(api.put("/accounts/alice/line", api.get("/accounts/alice/line").body()).json())
                .isEqualTo(json.readTree(FULL));
        assertThat(api.put("/accounts/alice/line", "{\"dnd\": true}").status()).isEqualTo(200);
        assertThat(api.store.lines().get("alice")).isEqualTo(new LineSettings(true, 0, null, null, null,
                LineSettings.DEFAULT_NO_ANSWER_SECONDS, null, List.of(), List.of(), Srtp.OPTIONAL,
                LineSettings.DEFAULT.permissions()));
        assertThat(api.put("/accounts/alice/line", "{\"forward\": {\"noAnswer\": {\"to\": \"bob\", \"after\": \"1m\"}}}")
                .json().path("forward").path("noAnswer").path("after").asInt()).isEqualTo(60);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        {"maxCalls": -1}                                     | maxCalls                 | maxCalls: must be 0..10000, got -1
        {"maxCalls": "1"}                                    | maxCalls                 | maxCalls: must be a whole number, got "1"
        {"dnd": "on"}                                        | dnd                      | dnd: must be true or false, got "on"
        {"dnt": true}                                        | dnt                      | dnt: unknown key (known here: dnd, maxCalls, forward, reject, codecs, srtp, permissions)
        {"forward": {"busy": {"to": "bob", "mode": "bounce"}}} | forward.busy.mode      | forward.busy.mode: must be follow, redirect-permanent or redirect-temporary, got "bounce"
        {"forward": {"always": {"to": "bob"}}}               | forward.always           | forward.always: unknown key (known here: unconditional, busy, noAnswer, offline)
        {"forward": {"busy": {"mode": "follow"}}}            | forward.busy.to          | forward.busy.to: missing (the number or SIP ID calls go to, e.g. "+493012345002")
        {"forward": {"noAnswer": {"to": "bob", "after": 601}}} | forward.noAnswer.after | forward.noAnswer.after: must be at most 600s, got 601s
        {"reject": ["+493012345001", "030123"]}              | reject[1]                | reject[1]: must be an E.164 number, a prefix ending in * ("+4930*") or anonymous, got "030123"
        {"reject": "+493012345001"}                          | reject                   | reject: must be a list, e.g. ["a", "b"], got "+493012345001"
        {"codecs": ["G722", "G722/16000"]}                   | codecs[1]                | codecs[1]: must be a codec name such as PCMA, PCMU, G722 or opus, got "G722/16000"
        {"srtp": "mandatory"}                                | srtp                     | srtp: must be optional or required, got "mandatory"
        {"permissions": ["local", "world"]}                  | permissions[1]           | permissions[1]: must be local, national, international or premium, got "world"
        """)
    void badLinesAreRefusedNamingTheKeyAndChangeNothing(String body, String field, String message) {
        api.put("/accounts/alice/line", "{\"codecs\": [\"G722\"]}");
        LineSettings before = api.store.lines().get("alice");
        assertThat(api.put("/accounts/alice/line", body).error(400, field)).isEqualTo(message);
        assertThat(api.store.lines().get("alice")).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        assertThat(api.put("/accounts/alice/line", "[]").error(400, null)).isEqualTo("the body must be a JSON object");
        assertThat(api.put("/accounts/alice/line", "").error(400, null)).isEqualTo("the request needs a JSON body");
    }

    @Test
    void theLineOfAnUnknownAccountIs404() {
        assertThat(api.get("/accounts/zed/line").error(404, "sipId")).isEqualTo("account 'zed' does not exist");
        assertThat(api.put("/accounts/zed/line", "{}").error(404, "sipId")).isEqualTo("account 'zed' does not exist");
        assertThat(api.get("/accounts/z%20d/line").error(400, "sipId")).startsWith("SIP ID 'z d'");
    }
}
