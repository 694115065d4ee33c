/**
 * What went wrong in each call, told with the server's failure catalogue: the
 * final answer is matched to a {@link org.clearline.failures.Situation} where
 * the trace shows which one it is, and rules find what only a trace can show
 * ({@link org.clearline.analyzer.diagnosis.FindingKind}): requests never
 * answered, credentials refused again and again, no common codec, a Via loop,
 * a redirect not followed, a missing ACK, a private address behind NAT, a BYE
 * for an unknown dialog, a CANCEL crossing the 200 OK.
 */
package org.clearline.analyzer.diagnosis;
