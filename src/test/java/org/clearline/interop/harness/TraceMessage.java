package org.clearline.interop.harness;

/**
 * One SIP message from a SIPp message log ({@code -trace_msg}).
 *
 * @param outgoing      true for "message sent", false for "message received"
 * @param droppedBySipp SIPp received this message but ignored it to simulate loss (-lost)
 * @param message       the message text
 */
public record TraceMessage(boolean outgoing, boolean droppedBySipp, RawResponse message) {

    public boolean isResponse() {
        return message.status() > 0;
    }

    public int status() {
        return message.status();
    }

    /** The request method, or null for a response. */
    public String method() {
        if (isResponse()) return null;
        String start = message.startLine();
        int sp = start.indexOf(' ');
        return sp < 0 ? start : start.substring(0, sp);
    }

    /** The method named in CSeq (which request a response answers). */
    public String cseqMethod() {
        String cseq = message.cseq();
        if (cseq == null) return null;
        String[] parts = cseq.strip().split("\\s+");
        return parts.length == 2 ? parts[1] : null;
    }

    public String callId() {
        return message.callId();
    }

    public String header(String name) {
        return message.header(name, null);
    }

    @Override
    public String toString() {
        return (outgoing ? "-> " : "<- ") + message.startLine() + " (" + message.cseq() + ")"
                + (droppedBySipp ? " [dropped by -lost]" : "");
    }
}
