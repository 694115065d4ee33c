package org.clearline.core.routing;

/**
 * A decision on the way to a fork that is no branch itself: a forward moved
 * the call from one line to another line or number (RFC 7044 calls this
 * retargeting), or told the caller to go there (a redirect, §8.3, 3xx). The
 * call log records it as part of the route.
 *
 * @param cause    why: "unconditional", "busy", "no-answer" or "unavailable"
 *                 (no phone registered, or do-not-disturb)
 * @param from     the line that forwarded (its SIP ID)
 * @param to       where to: a SIP ID or an E.164 number
 * @param redirect true when the caller was redirected instead of the call followed
 */
public record Retarget(String cause, String from, String to, boolean redirect) {}
