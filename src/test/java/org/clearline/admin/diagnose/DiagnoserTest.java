package org.clearline.admin.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.diagnose.DiagnosisFixture.ALICE_NUMBER;
import static org.clearline.admin.diagnose.DiagnosisFixture.HOUR;
import static org.clearline.admin.diagnose.DiagnosisFixture.MINUTE;
import static org.clearline.admin.diagnose.DiagnosisFixture.attempt;
import static org.clearline.admin.diagnose.DiagnosisFixture.binding;
import static org.clearline.admin.diagnose.DiagnosisFixture.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clearline.admin.diagnose.Diagnosis.AuthFailureSource;
import org.clearline.admin.diagnose.Diagnosis.Finding;
import org.clearline.admin.diagnose.Diagnoser.Options;
import org.clearline.core.location.LocationService;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.core.probe.Reachability;
import org.clearline.features.ActiveCalls;
import org.clearline.store.Registration;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnoses built from a real store with call-log and registration-log rows, with and without a server. */
class DiagnoserTest {
    @TempDir Path dir;
    DiagnosisFixture data;

    @BeforeEach
    void open() {
        data = new DiagnosisFixture(dir);
    }

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void anUnknownAccountHasNoDiagnosis() {
        assertThat(data.offline().diagnose("mallory", Options.DEFAULT)).isEmpty();
        assertThat(data.offline().diagnose(null, Options.DEFAULT)).isEmpty();
    }

    @Test
    void anUnregisteredLineOnDndFromTheStoreAlone() {
        data.line(DiagnosisFixture.dndWithLimit(true, 2));
        Diagnosis d = data.offline().diagnose("alice", Options.DEFAULT).orElseThrow();

        assertThat(d.account()).isEqualTo("alice");
        assertThat(d.displayName()).isEqualTo("Alice Liddell");
        assertThat(d.numbers()).containsExactly(ALICE_NUMBER);
        assertThat(d.checkedAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(d.serverRunning()).isFalse();
        assertThat(d.probed()).isFalse();
        assertThat(d.registered()).isFalse();
        assertThat(d.bindings()).isEmpty();
        assertThat(d.line().dnd()).isTrue();
        assertThat(d.line().maxCalls()).isEqualTo(2);
        assertThat(d.line().activeCalls()).as("no server, no live calls").isNull();
        assertThat(d.line().rejectRules()).isEqualTo(1);
        assertThat(d.line().codecs()).containsExactly("G722", "PCMA");
        assertThat(d.line().srtp()).isEqualTo("optional");
        assertThat(d.line().permissions()).containsExactly("local", "national");
        assertThat(texts(d)).containsExactly(
                "problem registration.none: not registered: calls to alice get 480",
                "warning server.not-running: server not running: reachability not checked",
                "warning line.dnd: do-not-disturb is on: callers get 480",
                "info line.call-limit: at most 2 calls at once; beyond that callers get 486",
                "info line.codecs: accepts only G722, PCMA: calls offering none of them get 488",
                "info line.reject-rules: 1 reject rule declines matching callers (603)");
    }

    @Test
    void failedLogInsAreCountedPerSourceAddress() {
        data.store.callLog().append(List.of(), List.of(
                attempt(5 * MINUTE, "udp:198.51.100.7:5060", 401, "auth.wrong-credentials"),
                attempt(10 * MINUTE, "udp:198.51.100.7:5071", 401, "auth.wrong-credentials"),
                attempt(20 * MINUTE, "tcp:198.51.100.7:40001", 401, "auth.wrong-credentials"),
                attempt(2 * HOUR, "udp:198.51.100.7:5060", 401, "auth.wrong-credentials"),
                attempt(3 * HOUR, "udp:203.0.113.50:5060", 401, "auth.nonce-replayed"),
                attempt(4 * HOUR, "udp:192.0.2.10:5062", 200, null),
                attempt(25 * HOUR, "udp:198.51.100.99:5060", 401, "auth.wrong-credentials")));
        Diagnosis d = data.offline().diagnose("alice", Options.DEFAULT).orElseThrow();

        assertThat(d.failedAuthSources()).containsExactly(
                new AuthFailureSource("198.51.100.7", 4, 3, List.of("auth.wrong-credentials"), "2025-12-31T23:55:00Z"),
                new AuthFailureSource("203.0.113.50", 1, 0, List.of("auth.nonce-replayed"), "2025-12-31T21:00:00Z"));
        assertThat(d.recentFailedRegistrations()).hasSize(5);
        assertThat(d.recentFailedRegistrations().get(0).source()).isEqualTo("udp:198.51.100.7:5060");
        assertThat(d.recentFailedRegistrations().get(0).explanation()).isEqualTo("Wrong password");
        assertThat(d.recentFailedRegistrations().get(4).explanation()).isEqualTo("Credentials used twice");
        assertThat(texts(d)).contains(
                "warning auth.failures: 3 wrong-password attempts from 198.51.100.7 in the last hour");
        // the latest attempt of all failed, and no phone is registered: that is why
        assertThat(texts(d)).contains("problem registration.failing: the latest REGISTER, from udp:198.51.100.7:5060,"
                + " failed with 401 (auth.wrong-credentials)");
    }

    @Test
    void failedCallsByIdAndByNumberNewestFirst() {
        data.store.callLog().append(List.of(
                call("in-offline@x", 30 * MINUTE, "bob", "alice", null, 480, "callee.offline"),
                call("in-busy@x", 2 * HOUR, "bob", "03012345001", ALICE_NUMBER, 486, null),
                call("out-denied@x", 3 * HOUR, "alice", "+4915112345678", "+4915112345678", 403, "call.not-permitted"),
                call("answered@x", 4 * HOUR, "bob", "alice", null, 200, null),
                call("bobs@x", 5 * HOUR, "carol", "bob", null, 480, "callee.offline"),
                call("old@x", 8 * 24 * HOUR, "bob", "alice", null, 480, "callee.offline")), List.of());
        Diagnosis d = data.offline().diagnose("alice", Options.DEFAULT).orElseThrow();

        assertThat(d.recentFailedCalls()).extracting(c -> c.callId() + " " + c.direction() + " " + c.code() + " "
                + c.situation() + " " + c.explanation()).containsExactly(
                "in-offline@x in 480 callee.offline No phone registered",
                "in-busy@x in 486 null Busy",
                "out-denied@x out 403 call.not-permitted Destination not allowed for this line");
        assertThat(d.recentFailedCalls().get(1).callee()).isEqualTo("03012345001");
        assertThat(texts(d)).contains("info calls.failed: 3 recent failed calls; the latest (in, 2025-12-31T23:30:00Z):"
                + " 480 callee.offline — No phone registered");
    }

    @Test
    void aPrivateContactRegisteredFromAPublicAddressIsNat() {
        data.register(binding("sip:alice@10.0.0.5:5060", "udp:203.0.113.9:40312", 20_000));
        Diagnosis d = data.offline().diagnose("alice", Options.DEFAULT).orElseThrow();

        assertThat(d.registered()).isTrue();
        Diagnosis.Binding b = d.bindings().get(0);
        assertThat(b.contact()).isEqualTo("sip:alice@10.0.0.5:5060");
        assertThat(b.source()).isEqualTo("udp:203.0.113.9:40312");
        assertThat(b.transport()).isEqualTo("udp");
        assertThat(b.userAgent()).isEqualTo("DeskPhone 2.1");
        assertThat(b.registeredSince()).isEqualTo("2025-12-31T23:00:00Z");
        assertThat(b.expiresAt()).isEqualTo("2026-01-01T00:00:20Z");
        assertThat(b.expiresInSeconds()).isEqualTo(20);
        assertThat(b.reachability()).isNull();
        assertThat(texts(d)).contains(
                "warning registration.expiring: registration of sip:alice@10.0.0.5:5060 expires in 20 s",
                "warning contact.nat: contact 10.0.0.5 is a private address but the REGISTER came from 203.0.113.9:"
                        + " NAT; calls go to the private contact and may never arrive");
        assertThat(texts(d)).noneMatch(t -> t.startsWith("problem"));
    }

    @Test
    void insideTheServerBindingsAreLiveCallsCountedAndPhonesProbed() {
        data.line(DiagnosisFixture.dndWithLimit(false, 2));
        Registration answering = binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", HOUR);
        Registration silent = binding("sip:alice@192.0.2.11:5062", "udp:192.0.2.11:5062", HOUR);
        LocationService location = new LocationService();
        location.replace("alice", List.of(answering, silent));
        ActiveCalls calls = new ActiveCalls();
        calls.begin("c1", "alice");
        calls.begin("c2", "alice");
        List<Duration> waits = new ArrayList<>();
        LiveServer.Prober prober = (bindings, wait) -> {
            waits.add(wait);
            return CompletableFuture.completedFuture(List.of(
                    new BindingProbe(answering.contact(), new Reachability.Answered(Peer.udp("192.0.2.10", 5062), 200,
                            "OK", 12, "INVITE, ACK, BYE, OPTIONS", "DeskPhone 2.1", null), null),
                    new BindingProbe(silent.contact(), new Reachability.TimedOut(Peer.udp("192.0.2.11", 5062), 2000),
                            null)));
        };
        Diagnoser live = new Diagnoser(DiagnosisSources.of(data.store), DiagnosisFixture.CLOCK,
                new LiveServer(location, calls, prober, Duration.ofSeconds(4)));

        Diagnosis d = live.diagnose("alice", new Options(true, Duration.ofSeconds(2))).orElseThrow();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(d.serverRunning()).isTrue();
        assertThat(d.probed()).isTrue();
        assertThat(d.line().activeCalls()).isEqualTo(2);
        assertThat(d.bindings().get(0).reachability()).isEqualTo(new Diagnosis.Probe("answered", true,
                "udp:192.0.2.10:5062", 200, "OK", 12L, null, "INVITE, ACK, BYE, OPTIONS", "DeskPhone 2.1", null, null));
        assertThat(d.bindings().get(1).reachability().result()).isEqualTo("timeout");
        assertThat(d.bindings().get(1).reachability().reachable()).isFalse();
        assertThat(texts(d)).containsExactly(
                "problem contact.unreachable: phone at udp:192.0.2.11:5062 did not answer OPTIONS within 2 s:"
                        + " calls to it ring nowhere",
                "warning line.call-limit-reached: call limit reached: 2 of 2 calls up; the next caller gets 486",
                "info contact.reachable: phone at udp:192.0.2.10:5062 answered OPTIONS: 200 OK in 12 ms",
                "info line.codecs: accepts only G722, PCMA: calls offering none of them get 488",
                "info line.reject-rules: 1 reject rule declines matching callers (603)");

        // a longer wait than the prober allows is cut to its maximum
        live.diagnose("alice", new Options(true, Duration.ofMinutes(1)));
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void withoutProbingNoOptionsAreSentAndTheReaderIsTold() {
        LocationService location = new LocationService();
        location.replace("alice", List.of(binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", HOUR)));
        LiveServer.Prober prober = (bindings, wait) -> {
            throw new AssertionError("no probe was asked for");
        };
        Diagnoser live = new Diagnoser(DiagnosisSources.of(data.store), DiagnosisFixture.CLOCK,
                new LiveServer(location, new ActiveCalls(), prober, Duration.ofSeconds(4)));
        Diagnosis d = live.diagnose("alice", new Options(false, null)).orElseThrow();
        assertThat(d.probed()).isFalse();
        assertThat(d.bindings().get(0).reachability()).isNull();
        assertThat(texts(d)).containsExactly("info probe.skipped: reachability not checked (probe turned off)",
                "info ok: no problems found");
    }

    @Test
    void behindNatTheProbeOverTheFlowIsTold() {
        Registration natted = binding("sip:alice@10.0.0.5:5060", "udp:203.0.113.9:40312", HOUR);
        LocationService location = new LocationService();
        location.replace("alice", List.of(natted));
        LiveServer.Prober prober = (bindings, wait) -> CompletableFuture.completedFuture(List.of(new BindingProbe(
                natted.contact(), new Reachability.TimedOut(Peer.udp("10.0.0.5", 5060), 4000),
                new Reachability.Answered(Peer.udp("203.0.113.9", 40312), 200, "OK", 30, null, null, null))));
        Diagnoser live = new Diagnoser(DiagnosisSources.of(data.store), DiagnosisFixture.CLOCK,
                new LiveServer(location, new ActiveCalls(), prober, Duration.ofSeconds(4)));
        Diagnosis d = live.diagnose("alice", Options.DEFAULT).orElseThrow();
        assertThat(d.bindings().get(0).flowReachability().destination()).isEqualTo("udp:203.0.113.9:40312");
        assertThat(texts(d)).startsWith("problem contact.unreachable: phone at udp:10.0.0.5:5060 did not answer OPTIONS"
                + " within 4 s: calls to it ring nowhere; yet it answers at udp:203.0.113.9:40312, where its REGISTER"
                + " came from (NAT)");
    }

    @Test
    void aProberThatNeverFinishesEndsAsNotProbed() {
        LocationService location = new LocationService();
        location.replace("alice", List.of(binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", HOUR)));
        LiveServer.Prober prober = (bindings, wait) -> CompletableFuture.failedFuture(new IllegalStateException("x"));
        Diagnoser live = new Diagnoser(DiagnosisSources.of(data.store), DiagnosisFixture.CLOCK,
                new LiveServer(location, new ActiveCalls(), prober, Duration.ofSeconds(4)));
        Diagnosis d = live.diagnose("alice", Options.DEFAULT).orElseThrow();
        assertThat(d.bindings().get(0).reachability().result()).isEqualTo("not-probed");
        assertThat(texts(d)).contains("info probe.not-sent: sip:alice@192.0.2.10:5062 not probed: no outcome in time");
    }

    private static List<String> texts(Diagnosis d) {
        return d.findings().stream().map(f -> f.severity() + " " + f.id() + ": " + f.text()).toList();
    }

    static Finding finding(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
