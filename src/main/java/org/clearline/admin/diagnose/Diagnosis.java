package org.clearline.admin.diagnose;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything `clearline diagnose ACCOUNT` and {@code GET /api/v1/accounts/{sipId}/diagnosis}
 * tell about one account, as plain values that Jackson writes as JSON. Times are
 * ISO-8601 instants in UTC ("2026-01-01T08:00:00Z").
 *
 * @param account                   the SIP ID
 * @param displayName               its display name (may be empty)
 * @param enabled                   false: it can neither register nor call
 * @param numbers                   E.164 numbers assigned to it
 * @param checkedAt                 when the diagnosis was made
 * @param serverRunning             false when read from the store alone (no live calls, no probes)
 * @param probed                    true when OPTIONS were sent to its phones for this diagnosis
 * @param findings                  what stands out, in plain words, problems first
 * @param registered                at least one unexpired binding
 * @param bindings                  the unexpired bindings, each with its reachability
 * @param line                      the line's features
 * @param recentFailedCalls         the latest failed calls from or to the account
 * @param recentFailedRegistrations the latest failed REGISTER attempts for the account
 * @param failedAuthSources         addresses whose log-ins as this account failed, most attempts first
 */
public record Diagnosis(String account, String displayName, boolean enabled, List<String> numbers, String checkedAt,
                        boolean serverRunning, boolean probed, List<Finding> findings, boolean registered,
                        List<Binding> bindings, Line line, List<FailedCall> recentFailedCalls,
                        List<FailedRegistration> recentFailedRegistrations,
                        List<AuthFailureSource> failedAuthSources) {
    public Diagnosis {
        numbers = List.copyOf(numbers);
        findings = List.copyOf(findings);
        bindings = List.copyOf(bindings);
        recentFailedCalls = List.copyOf(recentFailedCalls);
        recentFailedRegistrations = List.copyOf(recentFailedRegistrations);
        failedAuthSources = List.copyOf(failedAuthSources);
    }

    /**
     * One observation.
     *
     * @param severity "problem" (calls or registrations fail), "warning" (they may, or go
     *                 elsewhere than expected) or "info"
     * @param id       stable key, e.g. "registration.none", "line.dnd", "contact.nat"
     * @param text     one plain sentence
     */
    public record Finding(String severity, String id, String text) {
        public static final String PROBLEM = "problem";
        public static final String WARNING = "warning";
        public static final String INFO = "info";
    }

    /**
     * One registered contact.
     *
     * @param contact           the Contact URI as registered
     * @param source            where its REGISTER came from ("udp:203.0.113.9:40312")
     * @param transport         "udp" or "tcp": the transport of that REGISTER
     * @param userAgent         the phone's User-Agent (may be empty)
     * @param registeredSince   when this binding was first registered
     * @param expiresAt         when it lapses unless refreshed
     * @param expiresInSeconds  seconds left
     * @param q                 its preference (§10.2.1.2)
     * @param path              its Path (RFC 3327), empty when none
     * @param reachability      the OPTIONS along the way calls go; null when not probed
     * @param flowReachability  the OPTIONS to {@code source}, sent only when calls would go
     *                          elsewhere (NAT); null otherwise
     */
    public record Binding(String contact, String source, String transport, String userAgent, String registeredSince,
                          String expiresAt, long expiresInSeconds, double q, String path, Probe reachability,
                          Probe flowReachability) {}

    /**
     * The outcome of one OPTIONS probe (RFC 3261 §11). Fields that do not apply are left out.
     *
     * @param result      "answered", "timeout", "transport-error", "malformed" or "not-probed"
     * @param reachable   true for "answered" (any status, even 405) and "malformed"
     * @param destination where the OPTIONS went ("udp:192.0.2.10:5060")
     * @param status      the response's status code
     * @param reason      its reason phrase
     * @param roundTripMs request to response, in milliseconds
     * @param waitedMs    how long a "timeout" waited
     * @param allow       the phone's Allow header
     * @param userAgent   the phone's User-Agent header
     * @param server      the phone's Server header
     * @param problem     why it could not be sent, what was malformed, or why it was not probed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Probe(String result, boolean reachable, String destination, Integer status, String reason,
                        Long roundTripMs, Long waitedMs, String allow, String userAgent, String server,
                        String problem) {}

    /**
     * The line's features.
     *
     * @param dnd            do-not-disturb
     * @param maxCalls       simultaneous calls allowed, 0 for no limit
     * @param activeCalls    calls up now; null when the server is not running
     * @param forwards       its call forwards
     * @param rejectRules    how many caller patterns are declined (603)
     * @param codecs         codecs it accepts; empty for any
     * @param srtp           "optional" or "required"
     * @param permissions    destination classes it may call: "local", "national", "international", "premium"
     */
    public record Line(boolean dnd, int maxCalls, Integer activeCalls, Forwards forwards, int rejectRules,
                       List<String> codecs, String srtp, List<String> permissions) {}

    /**
     * The forwards of a line; each is null when not set.
     *
     * @param noAnswerSeconds ring time before the no-answer forward
     */
    public record Forwards(Forward unconditional, Forward busy, Forward noAnswer, int noAnswerSeconds,
                           Forward offline) {}

    /**
     * One forward.
     *
     * @param target a number or SIP ID
     * @param mode   "follow", "redirect-permanent" or "redirect-temporary"
     */
    public record Forward(String target, String mode) {}

    /**
     * A failed call from or to the account.
     *
     * @param direction   "in" (to the account) or "out" (placed by it)
     * @param situation   the catalogue id, null when the final response came from a phone or trunk
     * @param explanation one line on what it means, for the account owner
     */
    public record FailedCall(String callId, String at, String direction, String caller, String callee, int code,
                             String situation, String explanation) {}

    /** A failed REGISTER attempt (401 challenges that are simply answered are not logged). */
    public record FailedRegistration(String callId, String at, String source, int code, String situation,
                                     String explanation) {}

    /**
     * An address whose log-ins (REGISTER with credentials for this account) failed.
     *
     * @param address          the IP address
     * @param attempts         failed attempts in the window of the diagnosis (24 h)
     * @param attemptsLastHour of those, in the last hour
     * @param situations       the catalogue ids seen, e.g. "auth.wrong-credentials"
     * @param lastAt           the latest attempt
     */
    public record AuthFailureSource(String address, int attempts, int attemptsLastHour, List<String> situations,
                                    String lastAt) {
        public AuthFailureSource {
            situations = List.copyOf(situations);
        }
    }
}
