package org.clearline.syntax;

import java.util.List;

/** A SIP request (§7.1): method, Request-URI, headers, body. */
public final class SipRequest extends SipMessage {
    private final String method;
    private Uri requestUri;

    public SipRequest(String method, Uri requestUri, List<Header> headers, byte[] body) {
        super(headers, body);
        this.method = method;
        this.requestUri = requestUri;
    }

    public String method() {
        return method;
    }

    public boolean isMethod(String m) {
        return method.equals(m);
    }

    public boolean isInvite() {
        return Methods.INVITE.equals(method);
    }

    public boolean isAck() {
        return Methods.ACK.equals(method);
    }

    public boolean isCancel() {
        return Methods.CANCEL.equals(method);
    }

    public boolean isRegister() {
        return Methods.REGISTER.equals(method);
    }

    /** The Request-URI; null only in a {@link ParseResult.Failure#partial} whose Request-Line was bad. */
    public Uri requestUri() {
        return requestUri;
    }

    public void setRequestUri(Uri uri) {
        this.requestUri = uri;
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    public String startLine() {
        return method + ' ' + requestUri + ' ' + VERSION;
    }

    @Override
    public SipRequest copy() {
        return new SipRequest(method, requestUri, headerList(), body().clone());
    }
}
