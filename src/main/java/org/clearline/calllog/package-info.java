/**
 * The call and registration log (issue 5): a {@link org.clearline.transport.MessageTap}
 * collects the messages of each call by Call-ID, the proxy's and registrar's
 * outcome hooks close a call into a record, and one writer thread stores the
 * records in batches. Beside core: it reads the SIP layers and writes the store;
 * only admin wires it in.
 */
package org.clearline.calllog;
