package org.clearline.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.clearline.core.directory.Directory;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;
import org.clearline.store.Account;

/**
 * Digest authentication of requests (RFC 3261 §22, RFC 2617, RFC 8760) for one
 * realm. A registrar challenges with 401/WWW-Authenticate, a proxy with
 * 407/Proxy-Authenticate (§22.3).
 *
 * <p>No account enumeration: an unknown username is checked against a dummy HA1
 * at the same cost and answered exactly like a wrong password; only the
 * situation id (for our own log) differs. The response is compared in constant
 * time, so its timing tells a guesser nothing about how close a guess was.
 *
 * <p>Replays: credentials whose digest uri names a user are bound to that user of
 * the Request-URI (RFC 2617 §3.2.2.5: another one gets 400); with qop=auth each nonce-count is accepted once;
 * credentials without qop (RFC 2069 style) may use a nonce only once, a second use
 * gets a fresh challenge with stale=true, which such a client answers at once.
 */
public final class DigestAuthenticator {
    private final String realm;
    private final Directory directory;
    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;
    private final String dummyHa1Md5;
    private final String dummyHa1Sha256;

    /**
     * @param offered the algorithms to challenge with, most preferred first (RFC 8760 §2.4:
     *                one challenge per algorithm)
     */
    public DigestAuthenticator(String realm, Directory directory, NonceService nonces, List<DigestAlgorithm> offered) {
        if (offered.isEmpty()) throw new IllegalArgumentException("at least one digest algorithm");
        this.realm = realm;
        this.directory = directory;
        this.nonces = nonces;
        this.offered = List.copyOf(offered);
        this.dummyHa1Md5 = DigestAlgorithm.MD5.ha1("\u0000", realm, "\u0000");
        this.dummyHa1Sha256 = DigestAlgorithm.SHA_256.ha1("\u0000", realm, "\u0000");
    }

    public String realm() {
        return realm;
    }

    /**
     * Checks the request's credentials for our realm.
     *
     * @param proxy true for proxy authentication (Proxy-Authorization, 407), false for a registrar (401)
     */
    public AuthResult authenticate(SipRequest request, boolean proxy) {
        DigestCredentials creds = credentialsFor(request, proxy);
        if (creds == null) {
            return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_REQUIRED : Situation.AUTH_REQUIRED, false, null);
        }
        DigestAlgorithm alg = DigestAlgorithm.fromToken(creds.algorithm());
        // any algorithm we support is accepted, offered or not: a phone that already knows
        // SHA-256 may use it with the nonce of an MD5 challenge (our nonces fit both)
        if (alg == null) {
            return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_REQUIRED : Situation.AUTH_REQUIRED, false,
                    creds.username());
        }
        Account account = directory.account(creds.username());
        String ha1 = account == null ? (alg == DigestAlgorithm.MD5 ? dummyHa1Md5 : dummyHa1Sha256)
                : (alg == DigestAlgorithm.MD5 ? account.ha1Md5() : account.ha1Sha256());
        boolean responseOk = ha1 != null && sameHex(expectedResponse(alg, ha1, request.method(), creds),
                creds.response());
        if (account == null || !responseOk) {
            // judge the nonce only after the hash work, so both paths cost the same
            Situation s = account == null
                    ? (proxy ? Situation.AUTH_PROXY_UNKNOWN_USER : Situation.AUTH_UNKNOWN_USER)
                    : (proxy ? Situation.AUTH_PROXY_WRONG_CREDENTIALS : Situation.AUTH_WRONG_CREDENTIALS);
            return new AuthResult.Challenge(s, false, creds.username());
        }
        if (!uriMatches(creds.uri(), request.requestUri())) {
            return new AuthResult.Refused(Situation.AUTH_DIGEST_URI_MISMATCH, creds.username());
        }
        boolean counted = creds.qop() != null;
        // without qop there is no nonce-count: the nonce itself is counted, once
        String nc = counted ? (creds.nc() == null ? "" : creds.nc()) : ONE_USE;  // qop without nc: invalid
        switch (nonces.check(creds.nonce(), nc)) {
            case VALID -> { }
            case REPLAYED -> {
                if (!counted) {
                    return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_STALE_NONCE
                            : Situation.AUTH_STALE_NONCE, true, creds.username());
                }
                return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_NONCE_REPLAYED
                        : Situation.AUTH_NONCE_REPLAYED, false, creds.username());
            }
            case STALE -> {
                return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_STALE_NONCE : Situation.AUTH_STALE_NONCE,
                        true, creds.username());
            }
            case INVALID -> {
                return new AuthResult.Challenge(proxy ? Situation.AUTH_PROXY_REQUIRED : Situation.AUTH_REQUIRED, false,
                        creds.username());
            }
        }
        if (!account.enabled()) return new AuthResult.Refused(Situation.AUTH_ACCOUNT_DISABLED, account.sipId());
        return new AuthResult.Authenticated(account);
    }

    /** The challenge response for {@code result}: one WWW-/Proxy-Authenticate per offered algorithm. */
    public SipResponse challenge(SipRequest request, AuthResult.Challenge result, String toTag) {
        SipResponse response = FailureResponses.create(request, result.situation(), toTag);
        String header = result.situation().code() == 407 ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        String nonce = nonces.issue();
        for (DigestAlgorithm alg : offered) {
            StringBuilder sb = new StringBuilder(128);
            sb.append("Digest realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                    .append("\", algorithm=").append(alg.token()).append(", qop=\"auth\"");
            if (result.stale()) sb.append(", stale=true");
            response.addHeader(header, sb.toString());
        }
        return response;
    }

    /** The nonce-count a nonce used without qop is given: its one use. */
    private static final String ONE_USE = "00000001";

    /** Hex digests compared without regard to case, in time that does not depend on where they differ. */
    static boolean sameHex(String expected, String given) {
        if (given == null) return false;
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * RFC 2617 §3.2.2.5: the digest-uri names the Request-URI. Clients do not all
     * copy it as it is: SIPp, for one, names only the address it sent to (uri
     * "sip:127.0.0.1:5080" for Request-URI "sip:bob@127.0.0.1"), and routers with a
     * SIP helper rewrite hosts and ports after the client signed. What a replay
     * would change is the user, the number dialled: a digest uri that names a user
     * must name the Request-URI's, so credentials made for calling one number are
     * never accepted for calling another. A digest uri that is no URI at all is
     * refused too.
     */
    static boolean uriMatches(String digestUri, Uri requestUri) {
        if (digestUri.equals(requestUri.toString())) return true;
        Uri given;
        try {
            given = Uri.parse(digestUri);
        } catch (SipSyntaxException | IllegalArgumentException e) {
            return false;
        }
        if (given instanceof SipUri g) {
            if (g.user() == null) return true;
            return requestUri instanceof SipUri r && g.userUnescaped().equals(r.userUnescaped());
        }
        return given.equals(requestUri);
    }

    /** RFC 2617 §3.2.2.1 with qop=auth, or the RFC 2069 form when the client sent no qop. */
    static String expectedResponse(DigestAlgorithm alg, String ha1, String method, DigestCredentials c) {
        String ha2 = alg.hex(method + ':' + c.uri());
        if (c.qop() == null) {
            return alg.hex(ha1 + ':' + c.nonce() + ':' + ha2);
        }
        return alg.hex(ha1 + ':' + c.nonce() + ':' + c.nc() + ':' + c.cnonce() + ':' + c.qop() + ':' + ha2);
    }

    /** The credentials addressed to our realm, or null (§22.4: pick by realm). */
    private DigestCredentials credentialsFor(SipRequest request, boolean proxy) {
        String header = proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION;
        for (String value : request.headerValues(header)) {
            DigestCredentials c = DigestCredentials.parse(value);
            if (c != null && realm.equals(c.realm())) return c;
        }
        return null;
    }
}
