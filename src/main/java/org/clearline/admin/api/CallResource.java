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
 * log, newest first, each row with its situation and a one-line summary (a call
 * also with the route it took); one call or registration attempt whole, with
 * its explanation and the messages of its ladder.
 */
final class CallResource {
    /**
     * One logged call attempt. Timings are milliseconds, null when the call did
     * not get that far: post-dial delay (INVITE to first 18x), ring time (first
     * 18x to the final response), duration (answer to BYE).
     */
    record CallRow(String callId, String startedAt, String source, String caller, String callerUser, String callee,
                   String calleeE164, int code, String reason, String situation, String summary, Long postDialMillis,
                   Long ringMillis, Long durationMillis, List<Step> route) {}

    /** One step of the route: kind (forward, redirect, contact, trunk, failover, relay), who, and the detail. */
    record Step(String kind, String label, String detail) {}

    record CallList(List<CallRow> calls) {}

    /** One arrow of the ladder: when, which way, with whom, and the message as it went over the wire. */
    record Message(String at, long offsetMillis, String direction, String peer, String startLine, String text) {}

    /** Why the call ended so: {@code kind} "situation" (Clearline decided) or "code" (relayed from a phone or trunk). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Why(String kind, SituationText situation, CodeText code) {}

    /**
     * @param explanation   null when the call succeeded
     * @param ladderProblem why the stored messages cannot be shown (a damaged value), else null
     */
    record CallDetail(CallRow call, Why explanation, List<Message> messages, int messagesDropped,
                      String ladderProblem) {}

    record Attempt(String callId, String at, String source, String sipId, int code, String reason, String situation,
                   String summary) {}

    record AttemptList(List<Attempt> attempts) {}

    /** One registration attempt whole: REGISTER, challenge, REGISTER with credentials, final answer. */
    record AttemptDetail(Attempt attempt, Why explanation, List<Message> messages, int messagesDropped,
                         String ladderProblem) {}

    private final CallLogQuery log;
    private final ExplanationTexts texts;

    CallResource(CallLogQuery log, ExplanationTexts texts) {
        this.log = log;
        this.texts = texts;
    }

    void routes(ApiRoutes r) {
        r.get("/calls", this::list, "failed", "account", "code", "since", "limit", "lang")
                .get("/calls/{callId}", this::show, "audience", "lang")
                .get("/registration-attempts", this::attempts, "account", "failed", "since", "limit", "lang")
                .get("/registration-attempts/{callId}", this::attempt, "audience", "lang");
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
        ctx.json(new CallDetail(row(c, t), why(CallExplanation.of(c, t, audience), t, audience),
                messages(c.messages(), c.startedAt()), c.messagesDropped(), c.ladderProblem()));
    }

    private void attempt(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        Audience audience = ExplainChoices.audience(Params.text(ctx, "audience"));
        RegistrationRecord r = log.registration(ctx.pathParam("callId"));
        ctx.json(new AttemptDetail(attempt(r, t),
                why(CallExplanation.of(r.code(), r.situation(), t, audience), t, audience),
                messages(r.messages(), r.atMillis()), r.messagesDropped(), r.ladderProblem()));
    }

    private static Why why(CallExplanation e, Explanations t, Audience audience) {
        return switch (e) {
            case CallExplanation.OfSituation s -> new Why("situation",
                    SituationText.of(s.situation(), audience, s.explanation()), null);
            case CallExplanation.OfCode k -> new Why("code", null, CodeText.of(k.code(), t, audience));
            case CallExplanation.Nothing n -> null;
        };
    }

    private static List<Message> messages(List<LoggedMessage> ladder, long start) {
        return ladder.stream().map(m -> new Message(Params.time(m.atMillis()), m.atMillis() - start,
                m.direction().key(), m.peer(), m.startLine(), m.text())).toList();
    }

    private void attempts(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        List<RegistrationRecord> rows = log.registrations(Params.text(ctx, "account"), Params.flag(ctx, "failed"),
                Params.text(ctx, "since"), Params.integer(ctx, "limit", CallLogQuery.DEFAULT_LIMIT));
        ctx.json(new AttemptList(rows.stream().map(r -> attempt(r, t)).toList()));
    }

    private static Attempt attempt(RegistrationRecord r, Explanations t) {
        return new Attempt(r.callId(), Params.time(r.atMillis()), r.source(), r.sipId(), r.code(),
                Responses.reasonPhrase(r.code()), r.situation(), CallExplanation.summary(r.code(), r.situation(), t));
    }

    private static CallRow row(CallRecord c, Explanations t) {
        return new CallRow(c.callId(), Params.time(c.startedAt()), c.source(), c.caller(), c.callerUser(), c.callee(),
                c.calleeE164(), c.code(), Responses.reasonPhrase(c.code()), c.situation(),
                CallExplanation.summary(c.code(), c.situation(), t), millis(c.postDialMillis()),
                millis(c.ringMillis()), millis(c.durationMillis()),
                c.route().stream().map(s -> new Step(s.kind().key(), s.label(), s.detail())).toList());
    }

    private static Long millis(long value) {
        return value < 0 ? null : value;
    }
}
