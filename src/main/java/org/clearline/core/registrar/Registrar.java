package org.clearline.core.registrar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.core.LocalIdentity;
import org.clearline.core.RequestChecks;
import org.clearline.core.auth.AuthResult;
import org.clearline.core.auth.DigestAuthenticator;
import org.clearline.core.location.LocationService;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipUri;
import org.clearline.time.Clock;
import org.clearline.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (§10.3). Runs on the shard of the REGISTER's Call-ID; the only
 * blocking step, the durable write, happens on the store's writer, and the
 * 200 OK is sent when it has committed, so an acknowledged registration survives
 * a crash.
 */
public final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    private final RegistrarConfig config;
    private final LocalIdentity identity;
    private final DigestAuthenticator auth;
    private final LocationService location;
    private final RegistrationStore store;
    private final Clock clock;
    private final Outcomes outcomes;

    /** Told how each REGISTER ended (the registration log hooks in here). */
    public interface Outcomes {
        Outcomes NONE = (request, source, code, situation, sipId) -> {};

        void registered(SipRequest request, String source, int code, Situation situation, String sipId);
    }

    public Registrar(RegistrarConfig config, LocalIdentity identity, DigestAuthenticator auth,
                     LocationService location, RegistrationStore store, Clock clock, Outcomes outcomes) {
        this.config = config;
        this.identity = identity;
        this.auth = auth;
        this.location = location;
        this.store = store;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public void onRegister(ServerTransaction tx) {
        SipRequest req = tx.request();
        String source = tx.source().toString();
        // §10.3 step 1: the Request-URI names the domain whose registrations we keep
        if (!identity.isLocalDomain(req.requestUri())) {
            fail(tx, Situation.REQUEST_NOT_OUR_DOMAIN, null, null);
            return;
        }
        // §10.3 step 2: Require
        SipResponse bad = RequestChecks.unsupportedRequire(req, RequestChecks.SUPPORTED_REGISTRAR);
        if (bad != null) {
            respond(tx, bad, Situation.REQUEST_BAD_EXTENSION, null);
            return;
        }
        // §10.3 step 3: authenticate
        AuthResult result = auth.authenticate(req, false);
        if (result instanceof AuthResult.Challenge c) {
            // §8.2.7: challenged statelessly; a phone refreshing its registration is challenged each
            // time, and keeping every 401 for 64*T1 (Timer J) would hold more than all the bindings
            SipResponse challenge = auth.challenge(req, c, RequestChecks.statelessToTag(req));
            tx.respondStatelessly(challenge);
            reported(tx, challenge, c.situation(), c.username());
            return;
        }
        if (result instanceof AuthResult.Refused r) {
            fail(tx, r.situation(), null, r.username());
            return;
        }
        String sipId = ((AuthResult.Authenticated) result).account().sipId();
        // §10.3 steps 4-5: the AOR (To) must be a sip/sips URI of ours, and the
        // authenticated user may only change its own bindings
        NameAddr to = req.to();
        SipUri aor = to.sipUri();
        if (aor == null) {
            fail(tx, Situation.REQUEST_MALFORMED, "To must be a sip: or sips: address of record", sipId);
            return;
        }
        if (!identity.isLocalHost(aor.host()) || !sipId.equals(aor.userUnescaped())) {
            fail(tx, Situation.AUTH_IDENTITY_MISMATCH, null, sipId);
            return;
        }
        ContactRequest contacts = ContactRequest.of(req);
        if (contacts.error() != null) {
            fail(tx, Situation.REGISTER_BAD_CONTACT, "Bad Contact: " + contacts.error(), sipId);
            return;
        }
        update(tx, sipId, contacts);
    }

    /** §10.3 steps 6-8: compute the new binding set, store it durably, answer with all bindings. */
    private void update(ServerTransaction tx, String sipId, ContactRequest contacts) {
        SipRequest req = tx.request();
        long now = clock.epochMillis();
        Map<String, Registration> current = new LinkedHashMap<>();
        for (Registration r : location.bindings(sipId)) {
            if (r.expiresAt() > now) current.put(r.contact(), r);
        }
        String callId = req.callId();
        long cseq = req.cseq().number();
        List<RegistrationChange> changes = new ArrayList<>();
        if (contacts.wildcard()) {
            // §10.3 step 6: "*" removes a binding of its own Call-ID only if its CSeq is higher
            for (Registration r : current.values()) {
                if (isNotNewer(r, callId, cseq)) {
                    fail(tx, Situation.REGISTER_OUT_OF_ORDER, null, sipId);
                    return;
                }
            }
            current.clear();
            changes.add(new RegistrationChange.RemoveAll(sipId));
        }
        String path = String.join(", ", req.headerValues(HeaderNames.PATH));
        String ua = req.header(HeaderNames.USER_AGENT);
        for (ContactRequest.Requested c : contacts.contacts()) {
            long expires = c.expires() < 0 ? config.defaultExpires().toSeconds() : c.expires();
            Registration existing = current.get(c.uriText());
            // §10.3 step 7: an older or repeated request of the same Call-ID must not change a
            // binding, and then "the update MUST be aborted and the request fails" as a whole
            if (existing != null && isNotNewer(existing, callId, cseq)) {
                fail(tx, Situation.REGISTER_OUT_OF_ORDER, null, sipId);
                return;
            }
            if (expires == 0) {
                if (current.remove(c.uriText()) != null) {
                    changes.add(new RegistrationChange.Remove(sipId, c.uriText()));
                }
                continue;
            }
            if (expires < config.minExpires().toSeconds()) {
                SipResponse r = FailureResponses.create(req, Situation.REGISTER_INTERVAL_TOO_BRIEF,
                        RequestChecks.toTag(req));
                r.setHeader(HeaderNames.MIN_EXPIRES, Long.toString(config.minExpires().toSeconds()));
                respond(tx, r, Situation.REGISTER_INTERVAL_TOO_BRIEF, sipId);
                return;
            }
            expires = Math.min(expires, config.maxExpires().toSeconds());
            Registration binding = new Registration(sipId, c.uriText(), callId, cseq, now + expires * 1000,
                    existing == null ? now : existing.registeredAt(), c.q(), path,
                    tx.source().toString(), ua == null ? "" : ua.strip());
            current.put(c.uriText(), binding);
            changes.add(new RegistrationChange.Upsert(binding));
        }
        if (current.size() > config.maxContacts()) {
            fail(tx, Situation.REGISTER_TOO_MANY_CONTACTS, null, sipId);
            return;
        }
        List<Registration> after = List.copyOf(current.values());
        if (changes.isEmpty()) {
            respond(tx, ok(req, after, now), null, sipId);
            return;
        }
        store.apply(changes).whenComplete((v, err) -> tx.scheduler().execute(() -> {
            if (err != null) {
                log.warn("registration of {} not stored (Call-ID {}): {}", sipId, callId, err.toString());
                SipResponse r = FailureResponses.withRetryAfter(FailureResponses.create(req,
                        Situation.REGISTER_STORE_UNAVAILABLE, RequestChecks.toTag(req)), 5);
                respond(tx, r, Situation.REGISTER_STORE_UNAVAILABLE, sipId);
                return;
            }
            // §10.3 step 8: the 200 lists the bindings as they are after this commit, which
            // may include another device's REGISTER that committed while this one waited
            long committed = clock.epochMillis();
            respond(tx, ok(req, location.apply(sipId, changes, committed), committed), null, sipId);
        }));
    }

    /** True when {@code binding} came from this Call-ID with a CSeq at least {@code cseq} (§10.3 step 7). */
    private static boolean isNotNewer(Registration binding, String callId, long cseq) {
        return binding.callId().equals(callId) && binding.cseq() >= cseq;
    }

    /** 200 OK listing every current binding with its remaining time (§10.3 step 8). */
    private SipResponse ok(SipRequest req, List<Registration> bindings, long now) {
        SipResponse r = Responses.success(req, 200, "OK", RequestChecks.toTag(req));
        for (Registration b : bindings) {
            long left = Math.max(0, (b.expiresAt() - now + 999) / 1000);
            r.addHeader(HeaderNames.CONTACT, "<" + b.contact() + ">;expires=" + left);
        }
        for (String p : req.headerValues(HeaderNames.PATH)) r.addHeader(HeaderNames.PATH, p);
        r.setHeader(HeaderNames.DATE, RequestChecks.httpDate(clock.epochMillis()));
        return r;
    }

    private void fail(ServerTransaction tx, Situation s, String reason, String sipId) {
        SipRequest req = tx.request();
        respond(tx, FailureResponses.create(req, s, reason, RequestChecks.toTag(req)), s, sipId);
    }

    private void respond(ServerTransaction tx, SipResponse r, Situation s, String sipId) {
        tx.respond(r);
        reported(tx, r, s, sipId);
    }

    /** Tells the outcome hooks (the registration log) how the REGISTER ended. */
    private void reported(ServerTransaction tx, SipResponse r, Situation s, String sipId) {
        outcomes.registered(tx.request(), tx.source().toString(), r.status(), s, sipId);
        if (s != null && log.isDebugEnabled()) {
            log.debug("REGISTER {} from {} -> {} {} ({})", tx.request().callId(), tx.source(),
                    r.status(), r.reason(), s.id());
        }
    }
}
