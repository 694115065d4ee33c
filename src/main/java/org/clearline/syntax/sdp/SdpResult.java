package org.clearline.syntax.sdp;

/**
 * Outcome of {@link Sdp#parse}: the session description, or the line that made
 * it unreadable. Bad input is a value, never an exception (STYLE.md).
 */
public sealed interface SdpResult permits SessionDescription, SdpError {}
