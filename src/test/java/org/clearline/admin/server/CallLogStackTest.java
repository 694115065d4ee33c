package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.clearline.admin.config.CallLogConfig;
import org.clearline.calllog.CallLogSettings;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.store.Account;
import org.clearline.store.JdbcStore;
import org.clearline.store.LoggedMessage;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.clearline.time.Clock;
import org.clearline.transaction.TimerConfig;
import org.clearline.transport.TransportConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log in the running stack over real UDP on 127.0.0.1: registration ladders
 * are logged; a broken log never costs a registration; a log switched off costs
 * nothing and opens nothing.
 */
class CallLogStackTest {
    private static final String REALM = "127.0.0.1";

    @TempDir Path dir;
    private JdbcStore store;
    private SipStack stack;
    private UdpPhone phone;

    private void start(CallLogSettings log) throws Exception {
        store = JdbcStore.open(dir.resolve("data"));
        store.accounts().put(new Account("alice", "alice", DigestAlgorithm.MD5.ha1("alice", REALM, "secret"),
                DigestAlgorithm.SHA_256.ha1("alice", REALM, "secret"), true));
        StackSettings s = new StackSettings(REALM, List.of(), TransportConfig.of("127.0.0.1", 0), TimerConfig.DEFAULT,
                RegistrarConfig.DEFAULT, ProxyConfig.DEFAULT, Duration.ofMinutes(5), List.of(DigestAlgorithm.MD5),
                "49", "30", Duration.ofSeconds(2), StackSettings.GERMAN_PREMIUM, List.of(),
                StackSettings.DEFAULT_FORWARD_DEPTH).withCallLog(log);
        stack = SipStack.start(s, store, Clock.SYSTEM);
        phone = new UdpPhone(REALM, stack.listeningPoints().get(0).port());
    }

    @AfterEach
    void stop() {
        if (phone != null) phone.close();
        if (stack != null) stack.close();
        if (store != null) store.close();
    }

    @Test
    void aRegistrationIsLoggedAsOneAttemptWithItsFourMessages() throws Exception {
        start(CallLogSettings.DEFAULT);
        assertThat(phone.register("alice", "secret", "reg-1@test")).startsWith("SIP/2.0 200 OK");

        RegistrationRecord r = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> store.callLog().findRegistration("reg-1@test"), Optional::isPresent).orElseThrow();
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.sipId()).isEqualTo("alice");
        assertThat(r.source()).isEqualTo(phone.source());
        assertThat(r.messages()).extracting(m -> m.direction() + " " + m.startLine()).containsExactly(
                "IN REGISTER sip:" + REALM + " SIP/2.0", "OUT SIP/2.0 401 Unauthorized",
                "IN REGISTER sip:" + REALM + " SIP/2.0", "OUT SIP/2.0 200 OK");
        assertThat(r.messages().get(2).text()).as("as received: no received= stamped into the Via")
                .contains("Authorization: Digest").doesNotContain("received=");
        assertThat(r.messages()).extracting(LoggedMessage::atMillis).isSorted();
        assertThat(Files.exists(dir.resolve("data/calllog.mv.db"))).isTrue();
    }

    @Test
    void registrationsGoOnWhenTheLogCannotOpen() throws Exception {
        Files.createDirectories(dir.resolve("data/calllog.mv.db"));  // the log's file cannot be created
        start(CallLogSettings.DEFAULT);
        assertThat(phone.register("alice", "secret", "reg-2@test")).startsWith("SIP/2.0 200 OK");
        assertThat(store.registrations().loadAll()).extracting(Registration::sipId).containsExactly("alice");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stack.callLog().failed() == 1);
    }

    @Test
    void registrationsGoOnWhenTheLogBreaksWhileRunning() throws Exception {
        start(CallLogSettings.DEFAULT);
        store.callLog().close();  // the log's pool is gone, as when its database died
        assertThat(phone.register("alice", "secret", "reg-3@test")).startsWith("SIP/2.0 200 OK");
        assertThat(phone.register("alice", "secret", "reg-4@test")).startsWith("SIP/2.0 200 OK");
        assertThat(store.registrations().loadAll()).extracting(Registration::sipId).containsExactly("alice");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stack.callLog().failed() == 2);
    }

    @Test
    void aLogSwitchedOffCostsNothingAndOpensNothing() throws Exception {
        start(Settings.callLog(new CallLogConfig(false, CallLogConfig.Ladders.ALL, 30, 10, 10)));
        assertThat(stack.callLog().enabled()).isFalse();
        assertThat(phone.register("alice", "secret", "reg-5@test")).startsWith("SIP/2.0 200 OK");
        assertThat(stack.callLog().written()).isZero();
        assertThat(Files.exists(dir.resolve("data/calllog.mv.db"))).as("the log database is never opened").isFalse();
    }

    @Test
    void theConfigurationMapsOntoTheLogsSettings() {
        assertThat(Settings.callLog(new CallLogConfig(true, CallLogConfig.Ladders.FAILED, 7, 100, 200)))
                .isEqualTo(new CallLogSettings(true, CallLogSettings.Ladders.FAILED,
                        new CallLogSettings.Retention(7, 100, 200)));
        assertThat(Settings.callLog(CallLogConfig.DEFAULT)).isEqualTo(CallLogSettings.DEFAULT);
    }
}
