package org.clearline.calllog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.store.CallRecord;
import org.clearline.store.E164;
import org.clearline.store.LoggedMessage;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;

/** Turns a closed call into its stored record: texts and timings. Runs on the writer thread. */
final class Records {
    private Records() {}

    static CallRecord call(Pending.Call p) {
        CallTrace t = p.trace();
        SipRequest invite = t.invite();
        List<LoggedMessage> messages = new ArrayList<>(p.entries().size());
        long firstRinging = -1;
        long finalAt = -1;
        for (CallTrace.Entry e : p.entries()) {
            byte[] bytes = e.encoded() != null ? e.encoded() : e.message().encode();
            String text = new String(bytes, StandardCharsets.UTF_8);
            int eol = text.indexOf("\r\n");
            messages.add(new LoggedMessage(e.atMillis(), e.inbound() ? LoggedMessage.Direction.IN
                    : LoggedMessage.Direction.OUT, e.peer().toString(), eol < 0 ? text : text.substring(0, eol), text));
            // timings as the caller saw them: responses we sent back towards the caller
            if (!e.inbound() && e.message() instanceof SipResponse r && r.cseq() != null
                    && Methods.INVITE.equals(r.cseq().method())) {
                if (firstRinging < 0 && r.status() >= 180 && r.status() < 190) firstRinging = e.atMillis();
                if (finalAt < 0 && r.isFinal()) finalAt = e.atMillis();
            }
        }
        if (finalAt < 0) finalAt = t.isAnswered() ? t.answeredAt() : p.endedAt();
        long postDial = firstRinging < 0 ? -1 : firstRinging - t.startedAt();
        long ring = firstRinging < 0 ? -1 : finalAt - firstRinging;
        long duration = t.isAnswered() ? p.endedAt() - t.answeredAt() : -1;
        String caller = invite.from() == null ? "" : String.valueOf(invite.from().uri());
        String callerUser = invite.from() != null && invite.from().uri() instanceof SipUri u && u.user() != null
                ? u.user() : "";
        String callee = user(invite.requestUri());
        return new CallRecord(invite.callId(), t.startedAt(), t.source().toString(), caller, callerUser, callee,
                E164.isValid(callee) ? callee : null, p.code(), p.situation(), postDial, ring, duration, p.dropped(),
                messages);
    }

    /** The callee as dialled: the Request-URI's user part, or the whole URI when it has none. */
    private static String user(Uri uri) {
        if (uri instanceof SipUri u && u.user() != null) return u.user();
        return String.valueOf(uri);
    }
}
