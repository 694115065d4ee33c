package org.clearline.admin.diagnose;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.clearline.store.Account;
import org.clearline.store.CallRecord;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.time.Clock;

/** A store with alice (+493012345001) and bob, and helpers to write bindings and log rows into it. */
final class DiagnosisFixture implements AutoCloseable {
    /** 2026-01-01T00:00:00Z */
    static final long NOW = 1_767_225_600_000L;
    static final Clock CLOCK = new Clock() {
        @Override public long nanoTime() { return 0; }
        @Override public long epochMillis() { return NOW; }
    };
    static final String ALICE_NUMBER = "+493012345001";
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    final JdbcStore store;

    DiagnosisFixture(Path dir) {
        store = JdbcStore.open(dir);
        store.accounts().put(account("alice", "Alice Liddell"));
        store.accounts().put(account("bob", "Bob"));
        store.numbers().assign(ALICE_NUMBER, "alice");
    }

    static Account account(String sipId, String name) {
        Ha1 ha1 = Ha1.of(sipId, "example.com", "secret-" + sipId);
        return new Account(sipId, name, ha1.md5(), ha1.sha256(), true);
    }

    Diagnoser offline() {
        return new Diagnoser(DiagnosisSources.of(store), CLOCK, null);
    }

    static Registration binding(String contact, String source, long expiresInMillis) {
        return new Registration("alice", contact, "reg-" + contact.hashCode(), 1, NOW + expiresInMillis, NOW - HOUR,
                1.0, "", source, "DeskPhone 2.1");
    }

    void register(Registration r) {
        store.registrations().apply(List.of(new RegistrationChange.Upsert(r))).join();
    }

    void line(LineSettings s) {
        store.lines().put("alice", s);
    }

    static LineSettings dndWithLimit(boolean dnd, int maxCalls) {
        LineSettings d = LineSettings.DEFAULT;
        return new LineSettings(dnd, maxCalls, null, null, null, d.noAnswerSeconds(), null, List.of("+4989*"),
                List.of("G722", "PCMA"), LineSettings.Srtp.OPTIONAL,
                EnumSet.of(LineSettings.Destination.LOCAL, LineSettings.Destination.NATIONAL));
    }

    static RegistrationRecord attempt(long ago, String source, int code, String situation) {
        return new RegistrationRecord("reg-" + ago + source, NOW - ago, source, "alice", code, situation);
    }

    static CallRecord call(String callId, long ago, String callerUser, String callee, String calleeE164, int code,
                           String situation) {
        return new CallRecord(callId, NOW - ago, "udp:192.0.2.30:5060", "sip:" + callerUser + "@example.com",
                callerUser, callee, calleeE164, code, situation, -1, -1, -1, 0, List.of());
    }

    @Override
    public void close() {
        store.close();
    }
}
