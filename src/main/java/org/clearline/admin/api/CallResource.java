package org.clearline.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;
import org.clearline.admin.api.ExplanationResource.CodeText;
import org.clearline.admin.api.ExplanationResource.SituationText;
import org.clearline.admin.calls.CallExplanation;
import org.clearline.admin.calls.CallLogQuery;
import org.clearline.admin.calls.ExplainChoices;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.Responses;

/**
 * {@code /calls} and {@code /registration-attempts}: the call and registration
 * log, newest first, each row with its situation and a one-line summary; one
 * call whole, with its explanation and the messages of its ladder.
 */
final class CallResource {
    /**
     * One logged call attempt. Timings are milliseconds, null when the call did
     * not get that far: post-dial delay (INVITE to first 18x), ring time (first
     * 18x to the final response), duration (answer to BYE).
     */
    record CallRow(String callId, String startedAt, String source, String caller, String callerUser, String callee,
                   String calleeE164, int code, String reason, String situation, String summary, Long postDialMillis,
                   Long ringMillis, Long durationMillis) {}

    record CallList(List<CallRow> calls) {}

    /** One arrow of the ladder: when, which way, with whom, and the message as it went over the wire. */
    record Message(String at, long offsetMillis, String direction, String peer, String startLine, String text) {}

    /** Why the call ended so: {@code kind} "situation" (Clearline decided) or "code" (relayed from a phone or trunk). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Why(String kind, SituationText situation, CodeText code) {}

    /** @param explanation null when the call succeeded */
    record CallDetail(CallRow call, Why explanation, List<Message> messages, int messagesDropped) {}

    record Attempt(String callId, String at, String source, String sipId, int code, String reason, String situation,
                   String summary) {}

    record AttemptList(List<Attempt> attempts) {}

    private final CallLogQuery log;
    private final ExplanationTexts texts;

    CallResource(CallLogQuery log, ExplanationTexts texts) {
        this.log = log;
        this.texts = texts;
    }

    void routes(ApiRoutes r) {
        r.get("/calls", this::list, "failed", "account", "code", "since", "limit", "lang")
                .get("/calls/{callId}", this::show, "audience", "lang")
                .get("/registration-attempts", this::attempts, "account", "failed", "since", "limit", "lang");
    }

    private void list(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        List<CallRecord> calls = log.calls(Params.flag(ctx, "failed"), Params.text(ctx, "account"),
                Params.text(ctx, "since"), Params.integer(ctx, "code", null),
                Params.integer(ctx, "limit", CallLogQuery.DEFAULT_LIMIT));
        ctx.json(new CallList(calls.stream().map(c -> row(c, t)).toList()));
    }

    private void show(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        Audience audience = ExplainChoices.audience(Params.text(ctx, "audience"));
        CallRecord c = log.call(ctx.pathParam("callId"));
        Why why = switch (CallExplanation.of(c, t, audience)) {
            case CallExplanation.OfSituation s -> new Why("situation",
                    SituationText.of(s.situation(), audience, s.explanation()), null);
            case CallExplanation.OfCode k -> new Why("code", null, CodeText.of(k.code(), t, audience));
            case CallExplanation.Nothing n -> null;
        };
        List<Message> messages = c.messages().stream().map(m -> new Message(Params.time(m.atMillis()),
                m.atMillis() - c.startedAt(), m.direction().key(), m.peer(), m.startLine(), m.text())).toList();
        ctx.json(new CallDetail(row(c, t), why, messages, c.messagesDropped()));
    }

    private void attempts(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        List<RegistrationRecord> rows = log.registrations(Params.text(ctx, "account"), Params.flag(ctx, "failed"),
                Params.text(ctx, "since"), Params.integer(ctx, "limit", CallLogQuery.DEFAULT_LIMIT));
        ctx.json(new AttemptList(rows.stream().map(r -> new Attempt(r.callId(), Params.time(r.atMillis()), r.source(),
                r.sipId(), r.code(), Responses.reasonPhrase(r.code()), r.situation(),
                CallExplanation.summary(r.code(), r.situation(), t))).toList()));
    }

    private static CallRow row(CallRecord c, Explanations t) {
        return new CallRow(c.callId(), Params.time(c.startedAt()), c.source(), c.caller(), c.callerUser(), c.callee(),
                c.calleeE164(), c.code(), Responses.reasonPhrase(c.code()), c.situation(),
                CallExplanation.summary(c.code(), c.situation(), t), millis(c.postDialMillis()),
                millis(c.ringMillis()), millis(c.durationMillis()));
    }

    private static Long millis(long value) {
        return value < 0 ? null : value;
    }
}
