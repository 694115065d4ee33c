package org.clearline.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.web.CallFixtures.NOW;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.core.probe.Reachability;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account page with the server's diagnosis: findings, reachability on request, failed log-ins. */
class DiagnosisSectionTest {
    private final AtomicInteger probes = new AtomicInteger();
    private DashboardHarness web;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        // a phone whose contact says "dead" never answers; the others answer 200 at once
        web = new DashboardHarness(dir, (bindings, wait) -> {
            probes.incrementAndGet();
            return CompletableFuture.completedFuture(bindings.stream().map(b -> new BindingProbe(b.contact(),
                    b.contact().contains("dead") ? new Reachability.TimedOut(Peer.udp("192.0.2.11", 5060), 2000)
                            : new Reachability.Answered(Peer.udp("192.0.2.10", 5060), 200, "OK", 12, null,
                                    "<b>Phone</b>", null), null)).toList());
        });
        for (String id : List.of("alice", "bob")) {
            Ha1 ha1 = Ha1.of(id, "example.com", "secret-" + id);
            web.store.accounts().put(new Account(id, "", ha1.md5(), ha1.sha256(), true));
        }
        web.location.replace("alice", List.of(
                new Registration("alice", "sip:alice@192.0.2.10:5060", "r1@x", 1, NOW + 300_000, NOW - 60_000, 1.0, "",
                        "udp:192.0.2.10:5060", ""),
                new Registration("alice", "sip:alice-dead@192.0.2.11:5060", "r2@x", 1, NOW + 300_000, NOW - 60_000,
                        0.5, "", "udp:192.0.2.11:5060", "")));
        web.store.callLog().append(List.of(), List.of(
                new RegistrationRecord("r3@x", NOW - 30_000, "udp:203.0.113.9:5060", "bob", 401, "auth.wrong-credentials"),
                new RegistrationRecord("r4@x", NOW - 20_000, "udp:203.0.113.9:5060", "bob", 401, "auth.wrong-credentials")));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theDiagnosisFindingsShowWithoutProbingUntilAsked() throws Exception {
        String bob = web.page("/account?id=bob", 200);
        assertThat(bob).contains("<li class=\"finding problem\" data-finding=\"registration.none\">Not registered: calls"
                + " to bob get 480.</li>");
        assertThat(bob).contains("<table class=\"auth-failures\">").contains("<td>203.0.113.9</td><td class=\"num\">2</td>");
        assertThat(bob).doesNotContain("id=\"probe\""); // nothing registered: nothing to probe

        String alice = web.page("/account?id=alice", 200);
        assertThat(alice).contains("<button type=\"submit\" id=\"probe\">Check reachability</button>")
                .doesNotContain("<table class=\"reachability\">");
        assertThat(probes).hasValue(0);
    }

    @Test
    void askingProbesEachPhoneAndShowsWhoAnswered() throws Exception {
        String alice = web.page("/account?id=alice&probe=on", 200);
        assertThat(probes).hasValue(1);
        assertThat(alice).contains("<table class=\"reachability\">")
                .contains("<td class=\"uri\">sip:alice@192.0.2.10:5060</td><td class=\"ok\">200 OK in 12 ms"
                        + " <span class=\"hint\">(udp:192.0.2.10:5060)</span></td>")
                .contains("<td class=\"failed\">no answer within 2000 ms");
        assertThat(alice).contains("<li class=\"finding problem\" data-finding=\"contact.unreachable\">Phone at"
                + " udp:192.0.2.11:5060 did not answer OPTIONS").contains("<li class=\"finding info\"");
    }
}
