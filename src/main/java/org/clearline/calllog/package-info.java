/**
 * The call and registration log (issue 5): a {@link org.clearline.transport.MessageTap}
 * collects the wire bytes of each call's messages by Call-ID and of each
 * registration attempt's by Call-ID and source; the proxy's routing hook adds the
 * route, its and the registrar's outcome hooks close an exchange into a record,
 * and one writer thread stores the records in batches (and runs retention).
 * Everything is bounded; nothing waits. Beside core: it reads the SIP layers and
 * writes the store; only admin wires it in ({@link org.clearline.calllog.CallLog}),
 * and only when the configuration has it on.
 */
package org.clearline.calllog;
