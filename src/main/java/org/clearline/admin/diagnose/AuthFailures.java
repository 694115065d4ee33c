package org.clearline.admin.diagnose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearline.admin.diagnose.Diagnosis.AuthFailureSource;
import org.clearline.failures.Situation;
import org.clearline.store.RegistrationRecord;
import org.clearline.transport.Peer;

/**
 * Counts failed log-ins per source address from the registration log: who keeps
 * trying this account with a wrong password, a replayed nonce, or while it is
 * disabled. The routine first challenge (§22.4) and a stale nonce (the phone
 * simply retries, RFC 2617 §3.2.1) are not failures of anyone.
 */
final class AuthFailures {
    private static final Set<String> ROUTINE = Set.of(Situation.AUTH_REQUIRED.id(), Situation.AUTH_STALE_NONCE.id(),
            Situation.AUTH_PROXY_REQUIRED.id(), Situation.AUTH_PROXY_STALE_NONCE.id());
    private static final long HOUR_MILLIS = 3_600_000L;

    private AuthFailures() {}

    /** True when {@code situation} is a log-in that failed for a reason worth telling. */
    static boolean isFailedLogIn(String situation) {
        return situation != null && situation.startsWith("auth.") && !ROUTINE.contains(situation);
    }

    /** The sources of failed log-ins in {@code records}, most attempts first. */
    static List<AuthFailureSource> sources(List<RegistrationRecord> records, long nowMillis) {
        Map<String, Tally> byAddress = new LinkedHashMap<>();
        for (RegistrationRecord r : records) {
            if (!isFailedLogIn(r.situation())) continue;
            byAddress.computeIfAbsent(address(r.source()), a -> new Tally()).add(r, nowMillis);
        }
        List<AuthFailureSource> out = new ArrayList<>(byAddress.size());
        byAddress.forEach((address, t) -> out.add(new AuthFailureSource(address, t.attempts, t.lastHour,
                List.copyOf(t.situations), Instant.ofEpochMilli(t.lastAt).toString())));
        out.sort(Comparator.comparingInt(AuthFailureSource::attempts).reversed()
                .thenComparing(AuthFailureSource::lastAt, Comparator.reverseOrder()));
        return out;
    }

    /** The IP address of a source "udp:198.51.100.7:5060" (ports change between attempts); the text if unreadable. */
    static String address(String source) {
        Peer p = Peer.parse(source);
        return p == null ? String.valueOf(source) : p.address().getAddress().getHostAddress();
    }

    private static final class Tally {
        int attempts;
        int lastHour;
        long lastAt = Long.MIN_VALUE;
        final Set<String> situations = new LinkedHashSet<>();

        void add(RegistrationRecord r, long nowMillis) {
            attempts++;
            if (nowMillis - r.atMillis() < HOUR_MILLIS) lastHour++;
            lastAt = Math.max(lastAt, r.atMillis());
            situations.add(r.situation());
        }
    }
}
