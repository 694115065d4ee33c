package org.clearline.analyzer.diagnosis;

/** What a Call-ID's messages are about, from its first request. */
public enum CallKind {
    /** An INVITE dialog (§13). */
    CALL,
    /** REGISTER requests (§10). */
    REGISTRATION,
    /** Any other request outside a dialog: OPTIONS, MESSAGE, SUBSCRIBE, PUBLISH... */
    OTHER,
    /** The trace starts inside a dialog (no initial request seen). */
    IN_DIALOG
}
