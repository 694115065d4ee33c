package org.clearline.store;

/**
 * One contact binding of an account (§10.3): what the registrar answered 200 OK for.
 *
 * @param sipId          account (AOR user)
 * @param contact        the Contact URI as registered (escapes and params kept)
 * @param callId         Call-ID of the REGISTER that created or refreshed it (§10.3 step 7)
 * @param cseq           its CSeq number
 * @param expiresAt      epoch millis when the binding lapses
 * @param registeredAt   epoch millis of the first REGISTER of this binding
 * @param q              preference 0..1 (the Contact's q parameter, 1.0 if absent)
 * @param path           the Path header values joined with ", " (RFC 3327), empty if none
 * @param source         where the REGISTER came from, as a Peer string ("udp:192.0.2.1:5060")
 * @param userAgent      the User-Agent header, empty if none
 */
public record Registration(String sipId, String contact, String callId, long cseq, long expiresAt,
                           long registeredAt, double q, String path, String source, String userAgent) {}
