package org.clearline.admin.diagnose;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clearline.admin.diagnose.Diagnosis.AuthFailureSource;
import org.clearline.admin.diagnose.Diagnosis.Binding;
import org.clearline.admin.diagnose.Diagnosis.FailedCall;
import org.clearline.admin.diagnose.Diagnosis.Finding;
import org.clearline.admin.diagnose.Diagnosis.Forward;
import org.clearline.admin.diagnose.Diagnosis.Line;
import org.clearline.admin.diagnose.Diagnosis.Probe;
import org.clearline.failures.Situation;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;
import org.clearline.transport.Hosts;
import org.clearline.transport.Peer;

/**
 * Reads the facts of a diagnosis and says, in one sentence each, what stands
 * out: what makes calls or registrations fail, what sends calls elsewhere, and
 * the few facts a reader checks first. Problems come first, then warnings, then
 * information.
 */
final class Findings {
    /** A binding closer than this to lapsing is worth a warning: one missed refresh and it is gone. */
    static final long EXPIRING_SECONDS = 60;
    private static final Map<String, Integer> ORDER = Map.of(Finding.PROBLEM, 0, Finding.WARNING, 1, Finding.INFO, 2);

    private final Diagnosis d;
    private final RegistrationRecord lastRegistration;
    private final boolean probeAsked;
    private final List<Finding> out = new ArrayList<>();

    private Findings(Diagnosis d, RegistrationRecord lastRegistration, boolean probeAsked) {
        this.d = d;
        this.lastRegistration = lastRegistration;
        this.probeAsked = probeAsked;
    }

    /**
     * @param d                the facts (its own findings are ignored)
     * @param lastRegistration the account's latest REGISTER attempt in the log, or null
     * @param probeAsked       false when the caller asked not to probe
     */
    static List<Finding> of(Diagnosis d, RegistrationRecord lastRegistration, boolean probeAsked) {
        Findings f = new Findings(d, lastRegistration, probeAsked);
        f.account();
        f.registration();
        for (Binding b : d.bindings()) f.binding(b);
        f.line();
        f.failures();
        if (f.out.stream().noneMatch(x -> !x.severity().equals(Finding.INFO))) {
            f.info("ok", "no problems found");
        }
        f.out.sort(Comparator.comparingInt(x -> ORDER.get(x.severity())));
        return List.copyOf(f.out);
    }

    private void account() {
        if (!d.enabled()) problem("account.disabled", "account is disabled: it can neither register nor call (403)");
        if (!d.serverRunning()) warning("server.not-running", "server not running: reachability not checked");
        else if (!probeAsked && d.registered()) info("probe.skipped", "reachability not checked (probe turned off)");
        if (d.numbers().isEmpty()) info("account.no-numbers", "no number assigned: callers reach " + d.account()
                + " by its SIP ID only");
    }

    private void registration() {
        Forward offline = d.line().forwards().offline();
        if (!d.registered()) {
            if (offline != null) {
                warning("registration.none", "not registered: calls to " + d.account()
                        + " go to the offline forward " + offline.target());
            } else {
                problem("registration.none", "not registered: calls to " + d.account() + " get 480");
            }
        }
        // while registered, a failed attempt is someone else's (see the failed log-ins), not the phone's
        if (!d.registered() && lastRegistration != null && lastRegistration.code() >= 300) {
            String s = lastRegistration.situation();
            problem("registration.failing", "the latest REGISTER, from " + lastRegistration.source() + ", failed with "
                    + lastRegistration.code() + (s == null ? "" : " (" + s + ")"));
        }
    }

    private void binding(Binding b) {
        if (b.expiresInSeconds() < EXPIRING_SECONDS) {
            warning("registration.expiring", "registration of " + b.contact() + " expires in " + b.expiresInSeconds()
                    + " s");
        }
        InetAddress contactHost = contactAddress(b.contact());
        Peer source = Peer.parse(b.source());
        boolean nat = false;
        if (b.path().isEmpty() && contactHost != null && source != null
                && !contactHost.equals(source.address().getAddress())) {
            String sourceIp = source.address().getAddress().getHostAddress();
            if (Addresses.isPrivate(contactHost) && !Addresses.isPrivate(source.address().getAddress())) {
                nat = true;
                warning("contact.nat", "contact " + contactHost.getHostAddress() + " is a private address but the"
                        + " REGISTER came from " + sourceIp + ": NAT; calls go to the private contact and may never"
                        + " arrive");
            } else {
                info("contact.elsewhere", "contact " + contactHost.getHostAddress() + " is not the address the"
                        + " REGISTER came from (" + sourceIp + "); calls are sent to the contact");
            }
        }
        reachability(b, nat);
    }

    private void reachability(Binding b, boolean nat) {
        Probe p = b.reachability();
        if (p == null) return;
        Probe flow = b.flowReachability();
        String at = p.destination() == null ? b.contact() : p.destination();
        switch (p.result()) {
            case ProbeView.ANSWERED -> info("contact.reachable", "phone at " + at + " answered OPTIONS: "
                    + ProbeView.summary(p));
            case ProbeView.MALFORMED -> warning("contact.malformed", "phone at " + at + " answered OPTIONS with a"
                    + " malformed response (" + p.problem() + "): calls to it may end in 502");
            case ProbeView.TIMEOUT -> problem("contact.unreachable", "phone at " + at + " did not answer OPTIONS"
                    + " within " + ProbeView.seconds(p.waitedMs()) + ": calls to it ring nowhere"
                    + (flow != null && flow.reachable() ? "; yet it answers at " + flow.destination()
                    + ", where its REGISTER came from" + (nat ? " (NAT)" : "") : ""));
            case ProbeView.TRANSPORT_ERROR -> problem("contact.unsendable", "OPTIONS to " + at + " could not be sent ("
                    + p.problem() + "): calls to it fail with 503");
            default -> info("probe.not-sent", b.contact() + " not probed: " + p.problem());
        }
        if (flow != null && !flow.reachable() && !ProbeView.NOT_PROBED.equals(flow.result())) {
            info("flow.unreachable", "nor does it answer at " + flow.destination() + ", where its REGISTER came from: "
                    + ProbeView.summary(flow));
        }
    }

    private void line() {
        Line l = d.line();
        Forward offline = l.forwards().offline();
        if (l.dnd()) {
            warning("line.dnd", "do-not-disturb is on: callers get " + (offline == null ? "480"
                    : "the offline forward " + offline.target()));
        }
        Forward all = l.forwards().unconditional();
        if (all != null) warning("line.forward-all", "every call is forwarded to " + all.target() + " (" + all.mode() + ")");
        if (l.maxCalls() > 0) {
            Forward busy = l.forwards().busy();
            String next = busy == null ? "486" : "the busy forward " + busy.target();
            if (l.activeCalls() != null && l.activeCalls() >= l.maxCalls()) {
                warning("line.call-limit-reached", "call limit reached: " + l.activeCalls() + " of " + l.maxCalls()
                        + " calls up; the next caller gets " + next);
            } else {
                info("line.call-limit", "at most " + l.maxCalls() + " calls at once"
                        + (l.activeCalls() == null ? "" : " (" + l.activeCalls() + " up now)")
                        + "; beyond that callers get " + next);
            }
        }
        if (l.permissions().isEmpty()) warning("line.no-permissions", "may call nothing: every outgoing call gets 403");
        if (!l.codecs().isEmpty()) info("line.codecs", "accepts only " + String.join(", ", l.codecs())
                + ": calls offering none of them get 488");
        if ("required".equals(l.srtp())) info("line.srtp", "insists on SRTP: unencrypted offers get 488");
        if (l.rejectRules() > 0) info("line.reject-rules", l.rejectRules() + (l.rejectRules() == 1
                ? " reject rule declines" : " reject rules decline") + " matching callers (603)");
    }

    private void failures() {
        for (AuthFailureSource s : d.failedAuthSources()) {
            if (s.attemptsLastHour() == 0) continue;
            boolean password = s.situations().equals(List.of(Situation.AUTH_WRONG_CREDENTIALS.id()));
            warning("auth.failures", s.attemptsLastHour() + (password ? " wrong-password attempt" : " failed log-in")
                    + (s.attemptsLastHour() == 1 ? "" : "s") + " from " + s.address() + " in the last hour"
                    + (password ? "" : " (" + String.join(", ", s.situations()) + ")"));
        }
        List<FailedCall> calls = d.recentFailedCalls();
        if (!calls.isEmpty()) {
            FailedCall latest = calls.get(0);
            info("calls.failed", calls.size() + " recent failed call" + (calls.size() == 1 ? "" : "s") + "; the latest ("
                    + latest.direction() + ", " + latest.at() + "): " + latest.code()
                    + (latest.situation() == null ? "" : " " + latest.situation())
                    + (latest.explanation() == null ? "" : " — " + latest.explanation()));
        }
    }

    /** The contact's host when it is an IP literal (a name says nothing about NAT). */
    private static InetAddress contactAddress(String contact) {
        try {
            return Uri.parse(contact) instanceof SipUri s ? Hosts.literal(s.host()) : null;
        } catch (SipSyntaxException e) {
            return null;
        }
    }

    private void problem(String id, String text) {
        out.add(new Finding(Finding.PROBLEM, id, text));
    }

    private void warning(String id, String text) {
        out.add(new Finding(Finding.WARNING, id, text));
    }

    private void info(String id, String text) {
        out.add(new Finding(Finding.INFO, id, text));
    }
}
