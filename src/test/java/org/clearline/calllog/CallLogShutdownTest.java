package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.clearline.calllog.LogFixtures.ALICE;
import static org.clearline.calllog.LogFixtures.ALICE_SOURCE;
import static org.clearline.calllog.LogFixtures.invite;
import static org.clearline.calllog.LogFixtures.inviteResponse;
import static org.clearline.calllog.LogFixtures.receive;
import static org.clearline.calllog.LogFixtures.register;
import static org.clearline.calllog.LogFixtures.registerResponse;
import static org.clearline.calllog.LogFixtures.send;

import java.nio.file.Path;
import java.time.Duration;
import org.clearline.failures.Situation;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server loses no record: what is still open is logged as it stands, then written. */
class CallLogShutdownTest {
    @TempDir Path dir;
    private final ManualClock clock = new ManualClock();

    @Test
    void stoppingLogsTheCallsAndAttemptsStillOpen() {
        try (JdbcCallLogStore store = JdbcCallLogStore.open(dir)) {
            CallLog log = CallLog.start(CallLogSettings.DEFAULT, store, clock);
            CallLogRecorder recorder = (CallLogRecorder) log.tap();
            // an answered call whose BYE has not come, a failed one still waiting for its ACK,
            // and a registration challenged and not answered yet
            SipRequest up = receive(recorder, invite("open-1", 1), ALICE, 0);
            send(recorder, inviteResponse("open-1", 1, "200 OK"), ALICE, 10);
            recorder.ended(up, 200, null);
            SipRequest busy = receive(recorder, invite("open-2", 1), ALICE, 0);
            send(recorder, inviteResponse("open-2", 1, "486 Busy Here"), ALICE, 10);
            recorder.ended(busy, 486, null);
            SipRequest reg = receive(recorder, register("open-3@phone", 1, ""), ALICE, 0);
            send(recorder, registerResponse("open-3@phone", 1, "401 Unauthorized", ""), ALICE, 1);
            recorder.registered(reg, ALICE_SOURCE, 401, Situation.AUTH_REQUIRED, "alice");

            clock.advance(Duration.ofSeconds(5));
            log.close();

            assertThat(store.list(CallFilter.ALL)).extracting(CallRecord::callId, CallRecord::code)
                    .containsExactlyInAnyOrder(tuple("open-1", 200), tuple("open-2", 486));
            CallRecord answered = store.find("open-1").orElseThrow();
            assertThat(answered.durationMillis()).isEqualTo(5_000);
            assertThat(answered.messages()).extracting(LoggedMessage::startLine)
                    .containsExactly("INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 200 OK");
            RegistrationRecord attempt = store.findRegistration("open-3@phone").orElseThrow();
            assertThat(attempt.code()).isEqualTo(401);
            assertThat(attempt.situation()).isEqualTo(Situation.AUTH_REQUIRED.id());
            assertThat(recorder.callsInProgress()).isZero();
            assertThat(recorder.registrationsInProgress()).isZero();
            assertThat(log.heldBytes()).isZero();
        }
    }

    @Test
    void whatTheWriterHadNoTimeForIsCountedAsDropped() throws Exception {
        LogQueue queue = new LogQueue(10);
        queue.offer(new Pending.Registration(new RegistrationRecord("r1", 1_000, "udp:192.0.2.1:5060", "alice", 200,
                null)));
        queue.offer(new Pending.Registration(new RegistrationRecord("r2", 1_000, "udp:192.0.2.1:5060", "alice", 200,
                null)));
        assertThat(queue.discard()).isEqualTo(2);
        assertThat(queue.size()).isZero();
        assertThat(queue.dropped()).isEqualTo(2);
    }
}
