package org.clearline.core.proxy;

import java.util.List;

/** Choosing the response to forward once every branch has answered (§16.7 step 6). */
final class BestResponse {
    private BestResponse() {}

    /** Codes that tell the caller how to retry, preferred within 4xx (§16.7 step 6). */
    private static boolean informative(int code) {
        return code == 401 || code == 407 || code == 415 || code == 420 || code == 484;
    }

    /** The branch whose final response goes upstream; branches must all be done and none 2xx. */
    static Branch choose(List<Branch> branches) {
        Branch best = null;
        for (Branch b : branches) {
            if (b.superseded) continue;
            int code = b.finalStatus();
            if (code >= 600) return b; // a 6xx wins outright
            if (best == null || better(code, best.finalStatus())) best = b;
        }
        return best;
    }

    private static boolean better(int candidate, int current) {
        int cc = candidate / 100;
        int bc = current / 100;
        if (cc != bc) return cc < bc;
        return cc == 4 && informative(candidate) && !informative(current);
    }
}
