package org.clearline.admin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code trunks} list (issue 4): gateways with prefixes, and one-line errors naming the key. */
class TrunksReaderTest {
    private static List<TrunkConfig> trunks(String yamlOfTrunks) throws ConfigException {
        return ConfigLoader.parse("server: {domain: d.test}\ntrunks: " + yamlOfTrunks + "\n", "test.yaml").trunks();
    }

    @Test
    void theDemoTrunksAreReadAsIssue4DescribesThem() throws Exception {
        assertThat(ConfigLoader.load(Path.of("examples/demo.yaml")).trunks()).containsExactly(
                new TrunkConfig("carrier", "127.0.0.1", 5080, "udp", Optional.empty(), Optional.empty(),
                        List.of("+4989")),
                new TrunkConfig("broken", "127.0.0.1", 5081, "tcp", Optional.empty(), Optional.empty(),
                        List.of("+4940")),
                new TrunkConfig("garbled", "127.0.0.1", 5082, "udp", Optional.empty(), Optional.empty(),
                        List.of("+4969")));
    }

    @Test
    void readsCredentialsDefaultsAndSharedPrefixesInOrder() throws Exception {
        assertThat(trunks("""
                [ { name: a, host: sip.carrier.example, username: "clearline", password: "s3cret",
                    prefixes: ["+44", "+353"] },
                  { name: b, host: "192.0.2.7", port: 5070, transport: TCP, prefixes: ["+44"] } ]""")).containsExactly(
                new TrunkConfig("a", "sip.carrier.example", 5060, "udp", Optional.of("clearline"),
                        Optional.of("s3cret"), List.of("+44", "+353")),
                new TrunkConfig("b", "192.0.2.7", 5070, "tcp", Optional.empty(), Optional.empty(), List.of("+44")));
    }

    @Test
    void noTrunksIsFine() throws Exception {
        assertThat(trunks("[]")).isEmpty();
        assertThat(ConfigLoader.parse("server: {domain: d.test}", "test.yaml").trunks()).isEmpty();
    }

    @Test
    void thePasswordStaysOutOfTheDescription() throws Exception {
        TrunkConfig t = trunks("[{name: a, host: h.example, username: u, password: \"s3cret\", prefixes: [\"+1\"]}]")
                .get(0);
        assertThat(t.toString()).doesNotContain("s3cret").contains("a").contains("+1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        [{host: h.example, prefixes: ["+1"]}]                       | trunks[0].name: missing (a short name such as carrier)
        [{name: a, host: h.example, prefixes: ["+1"]}, {name: a, host: g.example, prefixes: ["+2"]}] | trunks[1].name: 'a' is declared twice
        [{name: a, prefixes: ["+1"]}]                               | trunks[0].host: missing (the carrier's server, e.g. 192.0.2.10)
        [{name: a, host: "h example", prefixes: ["+1"]}]            | trunks[0].host: must be a host name or IP address, got "h example"
        [{name: a, host: h.example, port: 0, prefixes: ["+1"]}]     | trunks[0].port: must be 1..65535, got 0
        [{name: a, host: h.example, port: 70000, prefixes: ["+1"]}] | trunks[0].port: must be 1..65535, got 70000
        [{name: a, host: h.example, transport: tls, prefixes: ["+1"]}] | trunks[0].transport: must be udp or tcp, got "tls"
        [{name: a, host: h.example, username: u, prefixes: ["+1"]}] | trunks[0].password: username and password go together
        [{name: a, host: h.example, password: p, prefixes: ["+1"]}] | trunks[0].username: username and password go together
        [{name: a, host: h.example}]                                | trunks[0].prefixes: needs at least one E.164 prefix, e.g. ["+4989"]
        [{name: a, host: h.example, prefixes: []}]                  | trunks[0].prefixes: needs at least one E.164 prefix, e.g. ["+4989"]
        [{name: a, host: h.example, prefixes: ["+1", "089"]}]       | trunks[0].prefixes[1]: must be "+" and digits, e.g. "+4989", got "089"
        [{name: a, host: h.example, prefixes: ["+49 89"]}]          | trunks[0].prefixes[0]: must be "+" and digits, e.g. "+4989", got "+49 89"
        [{name: a, host: h.example, prefixes: [+4989]}]             | trunks[0].prefixes[0]: must be text in quotes, got 4989 (a number) (write it as "4989")
        [{name: a, host: h.example, user: u, prefixes: ["+1"]}]     | trunks[0].user: unknown key (known here: name, host, port, transport, username, password, prefixes)
        {name: a}                                                   | trunks: must be a list (lines starting with '-'), got a mapping
        [carrier]                                                   | trunks[0]: must be a mapping (key: value lines), got "carrier"
        """)
    void refusesBadValuesWithOneLineNamingTheKey(String yamlOfTrunks, String message) {
        assertThatThrownBy(() -> trunks(yamlOfTrunks))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error: " + message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
