package org.clearline.syntax;

import java.util.List;

/** A SIP response (§7.2): status code, reason phrase, headers, body. */
public final class SipResponse extends SipMessage {
    private final int status;
    private final String reason;

    public SipResponse(int status, String reason, List<Header> headers, byte[] body) {
        super(headers, body);
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isFinal() {
        return status >= 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Status class 1..6 (§7.2). */
    public int statusClass() {
        return status / 100;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    public String startLine() {
        return VERSION + ' ' + status + ' ' + reason;
    }

    @Override
    public SipResponse copy() {
        return new SipResponse(status, reason, headerList(), body().clone());
    }
}
