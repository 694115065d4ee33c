package org.clearline.admin.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clearline.admin.diagnose.Diagnosis.Binding;
import org.clearline.admin.diagnose.Diagnosis.FailedCall;
import org.clearline.admin.diagnose.Diagnosis.FailedRegistration;
import org.clearline.admin.diagnose.Diagnosis.Forward;
import org.clearline.admin.diagnose.Diagnosis.Forwards;
import org.clearline.admin.diagnose.Diagnosis.Line;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.core.probe.Reachability;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.clearline.store.Account;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.clearline.time.Clock;
import org.clearline.transport.Peer;

/**
 * Builds the {@link Diagnosis} of one account from the store and, inside a
 * running server, from the live location table, the calls up now and OPTIONS
 * probes to the account's phones. Blocking (JDBC, and the probes' wait): call
 * it from the HTTP pool or the CLI, never from a shard.
 */
public final class Diagnoser {
    /** Failed calls shown, newest first, from this far back. */
    static final int FAILED_CALLS = 10;
    static final Duration CALL_WINDOW = Duration.ofDays(7);
    /** Registration log rows read (and failed ones shown) from this far back. */
    static final Duration REGISTRATION_WINDOW = Duration.ofHours(24);
    static final int REGISTRATION_ROWS = 1_000;
    static final int FAILED_REGISTRATIONS = 10;
    /** Beyond the probes' own limit, how long to wait for their outcome before giving up on them. */
    private static final Duration PROBE_SLACK = Duration.ofSeconds(2);

    private final DiagnosisSources sources;
    private final Clock clock;
    private final LiveServer live;
    private final Explanations texts = Explanations.load(Language.ENGLISH);

    /** @param live the running server, or null to diagnose from the store alone */
    public Diagnoser(DiagnosisSources sources, Clock clock, LiveServer live) {
        this.sources = sources;
        this.clock = clock;
        this.live = live;
    }

    /**
     * What to do besides reading.
     *
     * @param probe send OPTIONS to the phones (only inside a running server)
     * @param probeWait how long to wait for their answers; null for the prober's maximum
     */
    public record Options(boolean probe, Duration probeWait) {
        public static final Options DEFAULT = new Options(true, null);
    }

    /** The diagnosis of {@code sipId}; empty when there is no such account. */
    public Optional<Diagnosis> diagnose(String sipId, Options options) {
        Optional<Account> found = sipId == null ? Optional.empty() : sources.accounts().find(sipId);
        if (found.isEmpty()) return Optional.empty();
        Account account = found.get();
        long now = clock.epochMillis();
        List<String> numbers = sources.numbers().numbersOf(sipId).stream().sorted().toList();
        List<Registration> registrations = bindings(sipId, now);
        boolean probing = live != null && options.probe() && !registrations.isEmpty();
        List<BindingProbe> probes = probing ? probe(registrations, options.probeWait()) : null;
        List<Binding> bindings = new ArrayList<>(registrations.size());
        for (int i = 0; i < registrations.size(); i++) {
            bindings.add(binding(registrations.get(i), probes == null ? null : probes.get(i), now));
        }
        List<RegistrationRecord> attempts = sources.log().registrations(sipId,
                now - REGISTRATION_WINDOW.toMillis(), REGISTRATION_ROWS);
        Diagnosis facts = new Diagnosis(sipId, account.displayName(), account.enabled(), numbers, iso(now),
                live != null, probing, List.of(), !bindings.isEmpty(), bindings, line(sipId), failedCalls(sipId, numbers, now),
                failedRegistrations(attempts), AuthFailures.sources(attempts, now));
        RegistrationRecord latest = attempts.isEmpty() ? null : attempts.get(0);
        return Optional.of(new Diagnosis(facts.account(), facts.displayName(), facts.enabled(), facts.numbers(),
                facts.checkedAt(), facts.serverRunning(), facts.probed(), Findings.of(facts, latest, options.probe()),
                facts.registered(), facts.bindings(), facts.line(), facts.recentFailedCalls(),
                facts.recentFailedRegistrations(), facts.failedAuthSources()));
    }

    /** Live bindings in a server; else what the store holds (what a server would load), unexpired, best q first. */
    private List<Registration> bindings(String sipId, long now) {
        if (live != null) return live.location().lookup(sipId, now);
        List<Registration> out = new ArrayList<>();
        for (Registration r : sources.registrations().loadAll()) {
            if (r.sipId().equals(sipId) && r.expiresAt() > now) out.add(r);
        }
        out.sort(Comparator.comparingDouble(Registration::q).reversed());
        return out;
    }

    private List<BindingProbe> probe(List<Registration> registrations, Duration wait) {
        Duration limit = wait == null || wait.compareTo(live.maxWait()) > 0 ? live.maxWait() : wait;
        try {
            return live.prober().probe(registrations, limit).get(limit.plus(PROBE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unprobed(registrations, "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return unprobed(registrations, "no outcome in time");
        }
    }

    private static List<BindingProbe> unprobed(List<Registration> registrations, String why) {
        return registrations.stream().map(r -> new BindingProbe(r.contact(), new Reachability.NotProbed(why), null))
                .toList();
    }

    private static Binding binding(Registration r, BindingProbe probe, long now) {
        Peer source = Peer.parse(r.source());
        return new Binding(r.contact(), r.source(), source == null ? "" : source.protocol().lowerName(),
                r.userAgent(), iso(r.registeredAt()), iso(r.expiresAt()), Math.max(0, (r.expiresAt() - now) / 1000), r.q(),
                r.path(), probe == null ? null : ProbeView.of(probe.viaContact()),
                probe == null ? null : ProbeView.of(probe.viaFlow()));
    }

    private Line line(String sipId) {
        LineSettings s = sources.lines().get(sipId);
        Forwards forwards = new Forwards(forward(s.unconditional()), forward(s.busy()), forward(s.noAnswer()),
                s.noAnswerSeconds(), forward(s.offline()));
        List<String> permissions = s.permissions().stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
        Integer active = live == null ? null : live.calls().active(sipId);
        return new Line(s.dnd(), s.maxCalls(), active, forwards, s.rejectCallers().size(), s.codecs(),
                s.srtp().name().toLowerCase(Locale.ROOT), permissions);
    }

    private static Forward forward(LineSettings.Forward f) {
        return f == null ? null : new Forward(f.target(), f.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * Failed calls placed by the account or to it, by SIP ID or by one of its
     * numbers (a call dialled as a number is logged with that number), newest first.
     */
    private List<FailedCall> failedCalls(String sipId, List<String> numbers, long now) {
        long since = now - CALL_WINDOW.toMillis();
        Map<String, CallRecord> byCall = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(numbers.size() + 1);
        keys.add(sipId);
        keys.addAll(numbers);
        for (String key : keys) {
            for (CallRecord r : sources.log().list(new CallFilter(true, key, since, FAILED_CALLS))) {
                byCall.putIfAbsent(r.callId() + "\n" + r.startedAt(), r);
            }
        }
        return byCall.values().stream()
                .sorted(Comparator.comparingLong(CallRecord::startedAt).reversed())
                .limit(FAILED_CALLS)
                .map(r -> new FailedCall(r.callId(), iso(r.startedAt()), sipId.equals(r.callerUser()) ? "out" : "in",
                        r.callerUser().isEmpty() ? r.caller() : r.callerUser(), r.callee(), r.code(), r.situation(),
                        explanation(r.situation(), r.code())))
                .toList();
    }

    private List<FailedRegistration> failedRegistrations(List<RegistrationRecord> attempts) {
        return attempts.stream().filter(r -> r.code() >= 300).limit(FAILED_REGISTRATIONS)
                .map(r -> new FailedRegistration(r.callId(), iso(r.atMillis()), r.source(), r.code(), r.situation(),
                        explanation(r.situation(), r.code())))
                .toList();
    }

    /** The situation's title for the account owner; for a relayed response, what its code means. */
    private String explanation(String situationId, int code) {
        Situation s = situationId == null ? null : Situation.byId(situationId);
        if (s != null) return texts.explain(s, Audience.OWNER).title();
        return texts.explainCode(code).map(c -> c.title()).orElse(null);
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
