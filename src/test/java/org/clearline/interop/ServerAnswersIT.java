package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.Flows;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.Sipp;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TestAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests the server answers itself, seen from SIPp: OPTIONS, stray BYE, calls it cannot route. */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class ServerAnswersIT {
    private static final TestAccount ALICE = TestAccount.of("alice", "+493012345001");
    /** Has an account but never registers. */
    private static final TestAccount FRANK = TestAccount.of("frank", "+493012345006");

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        server = ClearlineProcess.start("answers-it", ServerConfig.onFreePort(List.of(ALICE, FRANK)));
    }

    @AfterAll
    static void stopServer() {
        if (server == null) return;
        server.stop();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void optionsToTheServerGets200() {
        SippResult r = Sipp.scenario("options_uac.xml").remote(server.address()).calls(5)
                .timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().finalStatusesByCall("OPTIONS").values())
                .hasSize(5).allSatisfy(s -> assertThat(s).containsExactly(200));
    }

    @Test
    void byeForAnUnknownDialogGets481() {
        SippResult r = Sipp.scenario("bye_unknown_uac.xml").remote(server.address())
                .key("domain", server.domain()).calls(3).timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().finalStatusesByCall("BYE").values())
                .hasSize(3).allSatisfy(s -> assertThat(s).containsExactly(481));
    }

    @Test
    void inviteForAnUnknownUserGets404() {
        SippResult r = Flows.caller("rejected_uac.xml", server, ALICE, "nobody-here", 2)
                .replace("@FINAL@", "404").timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().receivedStatusesForCseq("1 INVITE").values())
                .hasSize(2).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(407));
        assertThat(r.trace().receivedStatusesForCseq("2 INVITE").values())
                .hasSize(2).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(404));
    }

    @Test
    void inviteForAKnownButUnregisteredUserGets480() {
        SippResult r = Flows.caller("rejected_uac.xml", server, ALICE, "frank", 2)
                .replace("@FINAL@", "480").timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().receivedStatusesForCseq("2 INVITE").values())
                .hasSize(2).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(480));
    }

    @Test
    void aNumberOfAnUnregisteredAccountAlsoGets480() {
        // the dial plan maps the account's E.164 number to the same account (features.LocalTargetStep)
        SippResult r = Flows.caller("rejected_uac.xml", server, ALICE, "+493012345006", 1)
                .replace("@FINAL@", "480").timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
    }
}
