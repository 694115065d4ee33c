package org.clearline.admin.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation error is one line that names the key and says what is wrong. */
class ConfigErrorsTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        server: {domain: d.test, sip: {port: 70000}}       | server.sip.port: must be 1..65535, got 70000
        server: {domain: d.test, sip: {port: "5060"}}      | server.sip.port: must be a whole number, got "5060"
        server: {aliases: []}                              | server.domain: missing (the SIP domain this server is home for, e.g. demo.clearline.test)
        server: {domain: "bad domain"}                     | server.domain: must be a host name or IP address, got "bad domain"
        server: {domain: d.test, aliases: [ok.test, "a b"]} | server.aliases[1]: must be a host name or IP address, got "a b"
        server: {domain: d.test, sip: {prot: 5060}}        | server.sip.prot: unknown key (known here: listen, port, advertise)
        server: {domain: d.test}\\nacounts: []              | acounts: unknown key (known here: server, accounts, trunks, callLog)
        server: {domain: d.test, sip: [1]}                 | server.sip: must be a mapping (key: value lines), got a list
        server: {domain: d.test, sip: {listen: localhost}} | server.sip.listen: must be an IP address such as 0.0.0.0 or 127.0.0.1, got "localhost"
        server: {domain: d.test, timers: {t1: 500}}        | server.timers.t1: needs a unit, e.g. "500ms" or "500s"
        server: {domain: d.test, timers: {t1: 4x}}         | server.timers.t1: must be a duration like 500ms, 4s, 3m or 1h, got "4x"
        server: {domain: d.test, timers: {t1: 0ms}}        | server.timers.t1: must be longer than 0, got 0ms
        server: {domain: d.test, timers: {t1: 5s}}         | server.timers.t2: must not be shorter than t1 (5s), got 4s
        server: {domain: d.test, registrar: {minExpires: 1500ms}} | server.registrar.minExpires: must be whole seconds, got 1500ms
        server: {domain: d.test, registrar: {maxExpires: 30}} | server.registrar.maxExpires: must not be shorter than minExpires (1m), got 30s
        server: {domain: d.test, registrar: {defaultExpires: 2h}} | server.registrar.defaultExpires: must be between minExpires (1m) and maxExpires (1h), got 2h
        server: {domain: d.test, limits: {maxMessageBytes: 10}} | server.limits.maxMessageBytes: must be 1024..1048576, got 10
        server: {domain: d.test, dialPlan: {countryCode: 49}} | server.dialPlan.countryCode: must be text in quotes, got 49 (a number) (write it as "49")
        server: {domain: d.test, dialPlan: {countryCode: "+49"}} | server.dialPlan.countryCode: must be 1 to 3 digits without '+' or leading 0, e.g. "49", got "+49"
        server: {domain: d.test, dialPlan: {areaCode: "030"}} | server.dialPlan.areaCode: must be up to 6 digits without the trunk prefix 0, e.g. "30", got "030"
        server: {domain: d.test}\\naccounts: [{password: x}] | accounts[0].sipId: missing (the account's SIP ID, e.g. alice)
        server: {domain: d.test}\\naccounts: [{sipId: "a b", password: x}] | accounts[0].sipId: SIP ID 'a b' may only contain letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x}, {sipId: a, password: y}] | accounts[1].sipId: 'a' is declared twice (also accounts[0].sipId)
        server: {domain: d.test}\\naccounts: [{sipId: a}]   | accounts[0].password: missing (or give ha1Md5 + ha1Sha256 instead)
        server: {domain: d.test}\\naccounts: [{sipId: a, password: ""}] | accounts[0].password: must not be empty (the account's SIP password)
        server: {domain: d.test}\\naccounts: [{sipId: a, password: 1234}] | accounts[0].password: must be text in quotes, got 1234 (a number) (write it as "1234")
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, ha1Md5: ab}] | accounts[0].password: give either password or ha1Md5 + ha1Sha256, not both
        server: {domain: d.test}\\naccounts: [{sipId: a, ha1Md5: ab}] | accounts[0].ha1Sha256: missing (ha1Md5 needs it: both digest algorithms are offered)
        server: {domain: d.test}\\naccounts: [{sipId: a, ha1Md5: ab, ha1Sha256: cd}] | accounts[0].ha1Md5: must be 32 hex digits (hex MD5 of sipId:realm:password), got 2 characters
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, numbers: ["+49 30 1"]}] | accounts[0].numbers[0]: number '+49 30 1' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, numbers: [+493012345001]}] | accounts[0].numbers[0]: must be text in quotes, got 493012345001 (a number) (write it as "493012345001")
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, numbers: ["+491"]}, {sipId: b, password: y, numbers: ["+491"]}] | accounts[1].numbers[0]: +491 is already declared for a
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, enabled: maybe}] | accounts[0].enabled: must be true or false, got "maybe"
        server: {domain: d.test}\\naccounts: [{sipId: a, password: x, pasword: y}] | accounts[0].pasword: unknown key (known here: sipId, password, ha1Md5, ha1Sha256, displayName, numbers, enabled, line)
        server: {domain: d.test}\\naccounts: {sipId: a}     | accounts: must be a list (lines starting with '-'), got a mapping
        - server                                           | (top level): must be a mapping with server and accounts
        server: {domain: d.test}\\ncallLog: [1]             | callLog: must be a mapping (key: value lines), got a list
        server: {domain: d.test}\\ncallLog: {ladder: all}   | callLog.ladder: unknown key (known here: enabled, ladders, retention)
        server: {domain: d.test}\\ncallLog: {enabled: 1}    | callLog.enabled: must be true or false, got 1 (a number)
        server: {domain: d.test}\\ncallLog: {ladders: some} | callLog.ladders: must be all, failed or none, got "some"
        server: {domain: d.test}\\ncallLog: {ladders: 1}    | callLog.ladders: must be text in quotes, got 1 (a number) (write it as "1")
        server: {domain: d.test}\\ncallLog: {retention: {days: 0}} | callLog.retention.days: must be 1..3650, got 0
        server: {domain: d.test}\\ncallLog: {retention: {days: 30d}} | callLog.retention.days: must be a whole number, got "30d"
        server: {domain: d.test}\\ncallLog: {retention: {maxCalls: -5}} | callLog.retention.maxCalls: must be 1..2147483647, got -5
        server: {domain: d.test}\\ncallLog: {retention: {maxRegistrations: 5000000000}} | callLog.retention.maxRegistrations: must be 1..2147483647, got 5000000000
        server: {domain: d.test}\\ncallLog: {retention: {maxRows: 5}} | callLog.retention.maxRows: unknown key (known here: days, maxCalls, maxRegistrations)
        """)
    void namesTheKeyAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml.replace("\\n", "\n"), "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error: " + message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        server: {domain: d.test\\n                         | test.yaml: line
        server:\\n  domain: a.test\\n  domain: b.test      | test.yaml: line 3 column 9: key given twice: 'domain'
        server:\\n\tdomain: a.test                        | test.yaml: line 2 column 1: while scanning for the next token
        """)
    void yamlSyntaxErrorsNameTheFileAndLine(String yaml, String start) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml.replace("\\n", "\n"), "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error: " + start)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
