/**
 * SDP (RFC 4566) as the proxy needs it: read an offer (RFC 3264) to decide
 * whether the callee's line allows its codecs, encryption and media types.
 *
 * <p>The proxy never rewrites media, so this package only parses: {@link Sdp#parse}
 * turns a body into a {@link SessionDescription} or an {@link SdpError} naming the
 * line and what is wrong. It is lenient where real endpoints differ from the
 * grammar (bare LF, trailing blanks, empty {@code s=}, unknown type letters,
 * an {@code rtpmap} without clock rate) and strict where a value the policy
 * reads would otherwise be guessed (the {@code m=} line, ports, payload types,
 * the mandatory {@code v= o= s= t=} lines, connection data).
 *
 * <p>Deliberately left out: {@code r=}/{@code z=} timing arithmetic, {@code b=}
 * and {@code k=} values, ICE candidates, bundle groups and writing SDP.
 */
package org.clearline.syntax.sdp;
