package org.clearline.analyzer.diagnosis;

/** How the request that opened the call or registration ended, as far as the trace shows. */
public enum Outcome {
    /** A 2xx final response: the call was answered, the registration accepted. */
    SUCCESS,
    /** A 3xx: the caller was sent elsewhere (followed in this or another call of the trace). */
    REDIRECTED,
    /** 487 after the caller's CANCEL: the caller hung up before an answer. */
    CANCELLED,
    /** A final response of 400 or above. */
    FAILED,
    /** The request was sent again and again and nothing came back. */
    NO_RESPONSE,
    /** The trace ends before the final response (a phone still ringing, a request just sent). */
    UNFINISHED
}
