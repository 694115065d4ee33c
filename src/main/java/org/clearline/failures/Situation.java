package org.clearline.failures;

/**
 * The catalogue: every situation that ends a request of ours with a failure
 * response (or a challenge) is declared here, once, with its stable id, SIP
 * status code, reason phrase and the RFC section that defines the behaviour.
 * Every failure response Clearline sends is built from one of these (see
 * {@link FailureResponses}); explanations for callers, account owners and
 * administrators are keyed by {@link #id()}.
 */
public enum Situation {
    // -- the request itself (syntax, protocol rules) --------------------------------
    REQUEST_MALFORMED("request.malformed", 400, "Bad Request", "RFC 3261 §8.2.2, §16.3"),
    REQUEST_BAD_VERSION("request.bad-version", 505, "Version Not Supported", "RFC 3261 §8.2.2"),
    REQUEST_TOO_LARGE("request.too-large", 513, "Message Too Large", "RFC 3261 §21.5.14"),
    REQUEST_UNSUPPORTED_SCHEME("request.unsupported-scheme", 416, "Unsupported URI Scheme", "RFC 3261 §8.2.2.1, §16.3"),
    REQUEST_BAD_EXTENSION("request.bad-extension", 420, "Bad Extension", "RFC 3261 §8.2.2.3, §16.3"),
    REQUEST_METHOD_NOT_IMPLEMENTED("request.method-not-implemented", 501, "Not Implemented", "RFC 3261 §8.2.1"),
    REQUEST_METHOD_NOT_ALLOWED("request.method-not-allowed", 405, "Method Not Allowed", "RFC 3261 §8.2.1"),
    REQUEST_TOO_MANY_HOPS("request.too-many-hops", 483, "Too Many Hops", "RFC 3261 §16.3 step 3"),
    REQUEST_LOOP("request.loop", 482, "Loop Detected", "RFC 3261 §16.3 step 4"),
    REQUEST_NOT_OUR_DOMAIN("request.not-our-domain", 403, "Forbidden", "RFC 3261 §16.4, §10.3 step 1"),
    REQUEST_PRELOADED_ROUTE("request.preloaded-route", 403, "Forbidden", "RFC 3261 §16.6 step 7, §26.4 (no relaying)"),

    // -- authentication (RFC 3261 §22, RFC 2617, RFC 8760) ---------------------------
    AUTH_REQUIRED("auth.required", 401, "Unauthorized", "RFC 3261 §22.1"),
    AUTH_PROXY_REQUIRED("auth.proxy-required", 407, "Proxy Authentication Required", "RFC 3261 §22.3"),
    AUTH_WRONG_CREDENTIALS("auth.wrong-credentials", 401, "Unauthorized", "RFC 3261 §22.4"),
    AUTH_PROXY_WRONG_CREDENTIALS("auth.proxy-wrong-credentials", 407, "Proxy Authentication Required", "RFC 3261 §22.4"),
    AUTH_UNKNOWN_USER("auth.unknown-user", 401, "Unauthorized", "RFC 3261 §22.4 (answered like a wrong password)"),
    AUTH_PROXY_UNKNOWN_USER("auth.proxy-unknown-user", 407, "Proxy Authentication Required", "RFC 3261 §22.4 (answered like a wrong password)"),
    AUTH_NONCE_REPLAYED("auth.nonce-replayed", 401, "Unauthorized", "RFC 2617 §3.2.2 (nonce-count)"),
    AUTH_PROXY_NONCE_REPLAYED("auth.proxy-nonce-replayed", 407, "Proxy Authentication Required", "RFC 2617 §3.2.2 (nonce-count)"),
    AUTH_STALE_NONCE("auth.stale-nonce", 401, "Unauthorized", "RFC 2617 §3.2.1 (stale)"),
    AUTH_PROXY_STALE_NONCE("auth.proxy-stale-nonce", 407, "Proxy Authentication Required", "RFC 2617 §3.2.1 (stale)"),
    AUTH_ACCOUNT_DISABLED("auth.account-disabled", 403, "Forbidden", "RFC 3261 §21.4.4"),
    AUTH_IDENTITY_MISMATCH("auth.identity-mismatch", 403, "Forbidden", "RFC 3261 §10.3 step 5"),
    AUTH_DIGEST_URI_MISMATCH("auth.digest-uri-mismatch", 400, "Bad Request", "RFC 2617 §3.2.2.5"),

    // -- registration (RFC 3261 §10.3) ------------------------------------------------
    REGISTER_INTERVAL_TOO_BRIEF("register.interval-too-brief", 423, "Interval Too Brief", "RFC 3261 §10.3 step 7"),
    REGISTER_BAD_CONTACT("register.bad-contact", 400, "Bad Request", "RFC 3261 §10.3 step 6"),
    REGISTER_OUT_OF_ORDER("register.out-of-order", 400, "Bad Request", "RFC 3261 §10.3 steps 6-7 (CSeq not higher for this Call-ID)"),
    REGISTER_TOO_MANY_CONTACTS("register.too-many-contacts", 403, "Forbidden", "RFC 3261 §10.3 (local policy)"),
    REGISTER_STORE_UNAVAILABLE("register.store-unavailable", 503, "Service Unavailable", "RFC 3261 §21.5.4"),

    // -- routing a call (RFC 3261 §16) -------------------------------------------------
    CALLEE_UNKNOWN("callee.unknown", 404, "Not Found", "RFC 3261 §16.5, §21.4.5"),
    CALLEE_OFFLINE("callee.offline", 480, "Temporarily Unavailable", "RFC 3261 §21.4.18"),
    CALLEE_NO_ANSWER("callee.no-answer", 408, "Request Timeout", "RFC 3261 §16.6 step 11 (Timer C), §17.1.1.2 (Timer B)"),
    CALLEE_UNREACHABLE("callee.unreachable", 503, "Service Unavailable", "RFC 3261 §16.7 step 6, §8.1.3.1"),
    CALL_CANCELLED("call.cancelled", 487, "Request Terminated", "RFC 3261 §9.2, §16.10"),
    CALLEE_DND("callee.dnd", 480, "Temporarily Unavailable", "RFC 3261 §21.4.18"),
    CALLEE_CALL_LIMIT("callee.call-limit", 486, "Busy Here", "RFC 3261 §21.4.24"),
    CALLEE_REJECTED("callee.rejected", 603, "Decline", "RFC 3261 §21.6.2"),
    CALLEE_MOVED_PERMANENTLY("callee.moved-permanently", 301, "Moved Permanently", "RFC 3261 §21.3.2"),
    CALLEE_MOVED_TEMPORARILY("callee.moved-temporarily", 302, "Moved Temporarily", "RFC 3261 §21.3.3"),
    CALLEE_INVALID_RESPONSE("callee.invalid-response", 502, "Bad Gateway", "RFC 3261 §21.5.3"),
    FORWARD_LOOP("forward.loop", 482, "Loop Detected", "RFC 3261 §21.4.20"),
    FORWARD_CHAIN_TOO_LONG("forward.chain-too-long", 483, "Too Many Hops", "RFC 3261 §21.4.21"),
    CALL_NOT_PERMITTED("call.not-permitted", 403, "Forbidden", "RFC 3261 §21.4.4"),
    NUMBER_NO_ROUTE("number.no-route", 404, "Not Found", "RFC 3261 §21.4.5"),
    MEDIA_CODEC_NOT_ALLOWED("media.codec-not-allowed", 488, "Not Acceptable Here", "RFC 3261 §21.4.26, §20.43"),
    MEDIA_SRTP_REQUIRED("media.srtp-required", 488, "Not Acceptable Here", "RFC 3261 §21.4.26, §20.43"),
    MEDIA_UNREADABLE("media.unreadable-sdp", 488, "Not Acceptable Here", "RFC 3261 §21.4.26; RFC 4566"),
    TRUNK_UNREACHABLE("trunk.unreachable", 503, "Service Unavailable", "RFC 3261 §21.5.4, §8.1.3.1"),
    TRUNK_NO_ANSWER("trunk.no-answer", 408, "Request Timeout", "RFC 3261 §17.1.1.2 (Timer B)"),
    TRUNK_INVALID_RESPONSE("trunk.invalid-response", 502, "Bad Gateway", "RFC 3261 §21.5.3"),
    CALL_RELAY_DENIED("call.relay-denied", 403, "Forbidden", "RFC 3261 §16.5 (local policy)"),
    DIALOG_UNKNOWN("dialog.unknown", 481, "Call/Transaction Does Not Exist", "RFC 3261 §12.2.2, §9.2"),

    // -- the server ---------------------------------------------------------------------
    SERVER_MAINTENANCE("server.maintenance", 503, "Service Unavailable", "RFC 3261 §21.5.4"),
    SERVER_OVERLOADED("server.overloaded", 503, "Service Unavailable", "RFC 3261 §21.5.4"),
    SERVER_SHUTTING_DOWN("server.shutting-down", 503, "Service Unavailable", "RFC 3261 §21.5.4"),
    SERVER_STOPPED_DURING_SETUP("server.stopped-during-setup", 503, "Service Unavailable",
            "RFC 3261 §21.5.4, §16.10"),
    SERVER_INTERNAL_ERROR("server.internal-error", 500, "Server Internal Error", "RFC 3261 §21.5.1");

    private final String id;
    private final int code;
    private final String reason;
    private final String rfc;

    Situation(String id, int code, String reason, String rfc) {
        this.id = id;
        this.code = code;
        this.reason = reason;
        this.rfc = rfc;
    }

    /** Stable identifier, e.g. "callee.offline"; used in logs, the call log and explanations. */
    public String id() {
        return id;
    }

    public int code() {
        return code;
    }

    /** The reason phrase we send (the RFC's default phrase for the code). */
    public String reason() {
        return reason;
    }

    /** The RFC section that defines this response. */
    public String rfc() {
        return rfc;
    }

    public static Situation byId(String id) {
        for (Situation s : values()) {
            if (s.id.equals(id)) return s;
        }
        return null;
    }
}
