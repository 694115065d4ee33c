package org.clearline.transaction;

/**
 * §17.1.3: a response matches a client transaction when the branch of its top Via
 * and the method of its CSeq equal those of the request that created it. The
 * method keeps a CANCEL apart from the INVITE it cancels (they share the branch).
 */
record ClientTransactionKey(String branch, String method) {}
