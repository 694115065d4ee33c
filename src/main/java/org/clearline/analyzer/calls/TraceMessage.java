package org.clearline.analyzer.calls;

import org.clearline.analyzer.input.Endpoint;

/**
 * One message of a call as the diagnosis and the report need it.
 *
 * @param seq            its position in the trace (orders messages without time stamps)
 * @param micros         when it was seen, or -1
 * @param source         sender
 * @param destination    receiver
 * @param transport      UDP, TCP...
 * @param startLine      the start line
 * @param method         the request's method, or for a response the method of its CSeq
 * @param status         the status code of a response, 0 for a request
 * @param reason         the reason phrase of a response, else empty
 * @param cseq           the CSeq number, or -1 when unreadable
 * @param branch         the top Via's branch, or null
 * @param fromTag        the From tag, or null
 * @param toTag          the To tag, or null
 * @param defect         why the parser refused the message, or null
 * @param facts          what the diagnosis reads from it
 * @param text           the message as text, or null when the text budget was spent
 * @param retransmission a copy of a message already seen in the same transaction and direction
 */
public record TraceMessage(long seq, long micros, Endpoint source, Endpoint destination, String transport,
                           String startLine, String method, int status, String reason, long cseq, String branch,
                           String fromTag, String toTag, String defect, MessageFacts facts, String text,
                           boolean retransmission) {

    public boolean isRequest() {
        return status == 0;
    }

    public boolean isFinal() {
        return status >= 200;
    }

    public boolean isMethod(String m) {
        return m.equals(method);
    }

    /** True for TCP, TLS, SCTP and WebSocket: transports that do not retransmit SIP (§17.1.1.2). */
    public boolean reliable() {
        return !"UDP".equalsIgnoreCase(transport);
    }

    /** The transaction this message belongs to (§17.1.3 and §17.2.3; ACK and CANCEL keep their own). */
    public String transactionKey() {
        String b = branch != null ? branch : "rfc2543:" + fromTag;
        return b + '|' + method + '|' + cseq;
    }
}
