package org.clearline.core.auth;

import java.util.concurrent.ThreadLocalRandom;
import org.clearline.core.routing.Target;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipResponse;

/**
 * The client side of digest authentication (RFC 2617 §3.2.2, RFC 8760): our
 * answer when a carrier trunk challenges a request we forward to it.
 */
public final class DigestClient {
    private DigestClient() {}

    /**
     * The Authorization (for 401) or Proxy-Authorization (for 407) line answering the
     * first challenge of {@code challenge} whose algorithm we support; null if none.
     */
    public static Header answer(SipResponse challenge, String method, String uri, Target.Credentials creds) {
        boolean proxy = challenge.status() == 407;
        String header = proxy ? HeaderNames.PROXY_AUTHENTICATE : HeaderNames.WWW_AUTHENTICATE;
        for (String value : challenge.headerValues(header)) {
            DigestChallenge c = DigestChallenge.parse(value);
            if (c == null) continue;
            DigestAlgorithm alg = DigestAlgorithm.fromToken(c.algorithm());
            if (alg == null) continue;
            boolean qopAuth = c.qop() != null && c.qop().toLowerCase(java.util.Locale.ROOT).contains("auth")
                    && !c.qop().equalsIgnoreCase("auth-int");
            String ha1 = alg.ha1(creds.username(), c.realm(), creds.password());
            String ha2 = alg.hex(method + ':' + uri);
            StringBuilder sb = new StringBuilder(256).append("Digest username=\"").append(creds.username())
                    .append("\", realm=\"").append(c.realm()).append("\", nonce=\"").append(c.nonce())
                    .append("\", uri=\"").append(uri).append("\", algorithm=").append(alg.token());
            String response;
            if (qopAuth) {
                String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
                String nc = "00000001";
                response = alg.hex(ha1 + ':' + c.nonce() + ':' + nc + ':' + cnonce + ":auth:" + ha2);
                sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
            } else {
                response = alg.hex(ha1 + ':' + c.nonce() + ':' + ha2);
            }
            sb.append(", response=\"").append(response).append('"');
            if (c.opaque() != null) sb.append(", opaque=\"").append(c.opaque()).append('"');
            return new Header(proxy ? HeaderNames.PROXY_AUTHORIZATION : HeaderNames.AUTHORIZATION, sb.toString());
        }
        return null;
    }
}
