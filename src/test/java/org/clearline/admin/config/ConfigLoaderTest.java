package org.clearline.admin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clearline.admin.config.AccountConfig.Credentials;
import org.clearline.transaction.TimerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void readsEverySection() throws Exception {
        ClearlineConfig config = ConfigLoader.parse("""
                server:
                  domain: demo.clearline.test
                  aliases: [sip.clearline.test, 192.0.2.10]
                  sip: { listen: 127.0.0.1, port: 5070, advertise: sip.example.net }
                  timers: { t1: 250ms, t2: 2s, t4: 1m }
                  registrar: { minExpires: 30, maxExpires: 2h, defaultExpires: 600s }
                  auth: { nonceLifetime: 5m }
                  proxy: { timerC: 200s }
                  limits: { maxMessageBytes: 8192 }
                  dialPlan: { countryCode: "44", areaCode: "20" }
                accounts:
                  - sipId: alice
                    password: secret-alice
                    displayName: Alice
                    numbers: ["+493012345001", "+493012345099"]
                  - sipId: bob
                    ha1Md5: 0123456789ABCDEF0123456789abcdef
                    ha1Sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    enabled: false
                callLog:
                  enabled: false
                  ladders: failed
                  retention: { days: 7, maxCalls: 5000, maxRegistrations: 20000 }
                """, "test.yaml");

        assertThat(config.callLog()).isEqualTo(new CallLogConfig(false, CallLogConfig.Ladders.FAILED, 7, 5000, 20000));
        ServerConfig server = config.server();
        assertThat(server.domain()).isEqualTo("demo.clearline.test");
        assertThat(server.aliases()).containsExactly("sip.clearline.test", "192.0.2.10");
        assertThat(server.sip()).isEqualTo(new SipConfig("127.0.0.1", 5070, Optional.of("sip.example.net")));
        assertThat(server.timers()).isEqualTo(
                new TimerConfig(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        assertThat(server.registrar()).isEqualTo(
                new RegistrarConfig(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofSeconds(600)));
        assertThat(server.auth().nonceLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(server.proxy().timerC()).isEqualTo(Duration.ofSeconds(200));
        assertThat(server.limits().maxMessageBytes()).isEqualTo(8192);
        assertThat(server.dialPlan()).isEqualTo(new DialPlanConfig("44", "20"));
        assertThat(config.accounts()).containsExactly(
                new AccountConfig("alice", "Alice", new Credentials.Password("secret-alice"),
                        List.of("+493012345001", "+493012345099"), true),
                new AccountConfig("bob", "", new Credentials.Ha1Values("0123456789abcdef0123456789abcdef",
                        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), List.of(), false));
    }

    @Test
    void everythingButTheDomainHasADefault() throws Exception {
        ClearlineConfig config = ConfigLoader.parse("server: { domain: demo.clearline.test }", "test.yaml");
        assertThat(config.server()).isEqualTo(ServerConfig.defaults("demo.clearline.test"));
        assertThat(config.server().sip()).isEqualTo(new SipConfig("0.0.0.0", 5060, Optional.empty()));
        assertThat(config.server().timers()).isEqualTo(TimerConfig.DEFAULT);
        assertThat(config.accounts()).isEmpty();
        assertThat(config.callLog()).as("every message of every call, 30 days, a million of each")
                .isEqualTo(new CallLogConfig(true, CallLogConfig.Ladders.ALL, 30, 1_000_000, 1_000_000));
    }

    @Test
    void aPartialCallLogSectionKeepsTheOtherDefaults() throws Exception {
        ClearlineConfig config = ConfigLoader.parse("""
                server: { domain: demo.clearline.test }
                callLog:
                  ladders: none
                  retention: { maxCalls: 10 }
                """, "test.yaml");
        assertThat(config.callLog()).isEqualTo(new CallLogConfig(true, CallLogConfig.Ladders.NONE, 30, 10, 1_000_000));
    }

    @Test
    void explicitNullMeansDefault() throws Exception {
        ClearlineConfig config = ConfigLoader.parse("""
                server:
                  domain: demo.clearline.test
                  aliases:
                  sip: { advertise: null, port: ~ }
                accounts:
                """, "test.yaml");
        assertThat(config.server()).isEqualTo(ServerConfig.defaults("demo.clearline.test"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error: " + missing + ": no such file");
    }

    @Test
    void loadsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "server:\n  domain: a.test\n");
        assertThat(ConfigLoader.load(file).server().domain()).isEqualTo("a.test");
    }

    @Test
    void theShippedDemoConfigLoads() throws Exception {
        ClearlineConfig demo = ConfigLoader.load(Path.of("examples/demo.yaml"));
        assertThat(demo.server().domain()).isEqualTo("demo.clearline.test");
        assertThat(demo.server().sip()).isEqualTo(new SipConfig("127.0.0.1", 5060, Optional.empty()));
        assertThat(demo.server().dialPlan()).isEqualTo(new DialPlanConfig("49", "30"));
        assertThat(demo.accounts()).hasSize(12);
        // alice may call local and national numbers only (issue 4's demo table)
        assertThat(demo.accounts().getFirst()).isEqualTo(new AccountConfig("alice", "Alice",
                new Credentials.Password("secret-alice"), List.of("+493012345001"), true,
                new org.clearline.store.LineSettings(false, 0, null, null, null,
                        org.clearline.store.LineSettings.DEFAULT_NO_ANSWER_SECONDS, null, List.of(), List.of(),
                        org.clearline.store.LineSettings.Srtp.OPTIONAL,
                        java.util.EnumSet.of(org.clearline.store.LineSettings.Destination.LOCAL,
                                org.clearline.store.LineSettings.Destination.NATIONAL))));
        assertThat(demo.trunks()).extracting(TrunkConfig::name).containsExactly("carrier", "broken", "garbled");
        assertThat(demo.accounts().getLast()).isEqualTo(new AccountConfig("peggy", "Peggy",
                new Credentials.Password("secret-peggy"), List.of("+493012345012"), true));
    }
}
