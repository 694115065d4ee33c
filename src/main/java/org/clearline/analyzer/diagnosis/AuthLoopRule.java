package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * Credentials refused: a request that carried Authorization or
 * Proxy-Authorization was challenged again without stale=true (§22.4: the
 * server could not verify them), and the phone tried again and again or gave
 * up. A challenge to a request without credentials is the normal first step
 * (§22.2) and no finding; stale=true only asks for a fresh nonce (RFC 2617
 * §3.2.1).
 */
final class AuthLoopRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        int refused = 0;
        TraceMessage lastChallenge = null;
        String user = null;
        for (Transaction t : call.attempts()) {
            TraceMessage req = t.request();
            TraceMessage fin = t.finalResponse();
            if (fin == null || (fin.status() != 401 && fin.status() != 407)) continue;
            if (req.facts().authUser() == null || fin.facts().staleChallenge()) continue;
            refused++;
            lastChallenge = fin;
            user = req.facts().authUser();
        }
        if (refused == 0) return;
        boolean proxy = lastChallenge.status() == 407;
        Situation s = proxy ? Situation.AUTH_PROXY_WRONG_CREDENTIALS : Situation.AUTH_WRONG_CREDENTIALS;
        out.add(new Finding(FindingKind.AUTH_LOOP, s, Map.of("method", lastChallenge.method(),
                "code", Integer.toString(lastChallenge.status()), "user", user,
                "attempts", Integer.toString(refused))));
    }
}
