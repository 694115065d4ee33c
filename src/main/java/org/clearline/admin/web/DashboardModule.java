package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.Optional;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.Analyzer;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.analyzer.report.HtmlReport;
import org.clearline.failures.Audience;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.http.HttpModule;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.store.CallRecord;
import org.clearline.store.RegistrationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard: server-rendered pages over the same store and live state
 * the CLI and the REST API read. The listener has already checked the session
 * (or sent the browser to the log-in page) before any handler here runs.
 * Pages are plain HTML; one small script only refreshes the overview and opens
 * ladder messages. Every response forbids inline scripts (Content-Security-Policy),
 * a second wall behind the escaping of everything that came from the wire.
 */
public final class DashboardModule implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(DashboardModule.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final DashboardSources src;
    private final DiagnosisView diagnosis;
    private final Explanations english = Explanations.load(Language.ENGLISH);
    private final Explanations german = Explanations.load(Language.GERMAN);

    /** A dashboard whose account pages show only what it reads itself. */
    public DashboardModule(DashboardSources src) {
        this(src, DiagnosisView.OWN_FINDINGS);
    }

    /** A dashboard whose account pages show {@code diagnoser}'s diagnosis (as the CLI and the API do). */
    public static DashboardModule withDiagnoser(DashboardSources src, Diagnoser diagnoser) {
        return new DashboardModule(src, new DiagnosisSection(diagnoser));
    }

    DashboardModule(DashboardSources src, DiagnosisView diagnosis) {
        this.src = src;
        this.diagnosis = diagnosis;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", page(ctx -> send(ctx, 200, OverviewPage.render(src, texts(ctx)))));
        routes.get("/live", page(ctx -> send(ctx, 200, OverviewPage.live(src, texts(ctx)))));
        routes.get("/calls", page(this::calls));
        routes.get("/call", page(this::call));
        routes.get("/registration", page(this::registration));
        routes.get("/accounts", page(ctx -> send(ctx, 200, AccountsPage.render(src))));
        routes.get("/account", page(this::account));
        routes.get("/codes", page(ctx -> send(ctx, 200, CodesPage.render(texts(ctx)))));
        routes.get("/analyze", page(ctx -> send(ctx, 200, AnalyzePage.form(null))));
        routes.post("/analyze", page(this::analyze));
    }

    /** Issue 6: the trace analyzer on an uploaded capture or log; the answer is its self-contained HTML report. */
    private void analyze(Context ctx) {
        UploadedFile file = ctx.uploadedFile("capture");
        if (file == null || file.size() == 0) {
            send(ctx, 400, AnalyzePage.form("Choose a capture (pcap, pcapng) or a log file with SIP messages."));
            return;
        }
        AnalysisReport report;
        try (InputStream in = file.content()) {
            report = new Analyzer().analyze(in, file.filename());
        } catch (java.io.IOException e) {
            send(ctx, 400, AnalyzePage.form("The upload could not be read: " + e.getMessage()));
            return;
        }
        if (report.input().sipMessages() == 0) {
            String why = report.problems().isEmpty() ? "no SIP messages found" : report.problems().getFirst();
            send(ctx, 422, AnalyzePage.form(file.filename() + ": " + why));
            return;
        }
        Language language = Requests.language(ctx.formParam("lang"), ctx.header("Accept-Language"));
        String html = HtmlReport.render(report, language == Language.GERMAN ? german : english,
                FindingTexts.load(language), Audience.ADMIN);
        // the report is one self-contained page with its own inline style and no script
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).html(html);
    }

    private void calls(Context ctx) {
        CallListPage.Query q = CallListPage.Query.of(ctx.queryParam("failed"), ctx.queryParam("account"),
                ctx.queryParam("code"), ctx.queryParam("since"), ctx.queryParam("limit"));
        CallListPage.Rendered r = CallListPage.render(src, texts(ctx), q);
        send(ctx, r.status(), r.html());
    }

    private void call(Context ctx) {
        String id = Requests.blankToNull(ctx.queryParam("id"));
        Optional<CallRecord> call = id == null ? Optional.empty() : src.callLog().find(id);
        if (call.isEmpty()) {
            notFound(ctx, "No such call", id == null ? "Name a call: /call?id=CALL-ID."
                    : "No call with Call-ID " + id + " is in the log (it may be older than the log keeps).");
            return;
        }
        send(ctx, 200, CallPage.render(call.get(), texts(ctx)));
    }

    private void registration(Context ctx) {
        String id = Requests.blankToNull(ctx.queryParam("id"));
        Optional<RegistrationRecord> attempt = id == null ? Optional.empty() : src.callLog().findRegistration(id);
        if (attempt.isEmpty()) {
            notFound(ctx, "No such registration attempt", id == null ? "Name one: /registration?id=CALL-ID."
                    : "No registration attempt with Call-ID " + id + " is in the log (it may be older than the"
                    + " log keeps).");
            return;
        }
        send(ctx, 200, RegistrationAttemptPage.render(attempt.get(), texts(ctx)));
    }

    private void account(Context ctx) {
        String id = Requests.blankToNull(ctx.queryParam("id"));
        Optional<AccountFacts> facts = id == null ? Optional.empty() : AccountFacts.read(src, id);
        if (facts.isEmpty()) {
            notFound(ctx, "No such account", id == null ? "Name an account: /account?id=SIP-ID."
                    : "There is no account " + id + ".");
            return;
        }
        boolean probe = "on".equals(ctx.queryParam("probe"));
        send(ctx, 200, AccountPage.render(facts.get(), texts(ctx), diagnosis, probe));
    }

    private Explanations texts(Context ctx) {
        return Requests.language(ctx.queryParam("lang"), ctx.header("Accept-Language")) == Language.GERMAN
                ? german : english;
    }

    private static void notFound(Context ctx, String title, String text) {
        send(ctx, 404, Layout.page(title, null, "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n"));
    }

    private static void send(Context ctx, int status, String html) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).html(html);
    }

    /** A page handler whose failures (a store that cannot be read) become an HTML page, not JSON. */
    private static Handler page(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (RuntimeException e) {
                log.warn("dashboard page {} failed", ctx.path(), e);
                send(ctx, 500, Layout.page("Error", null, "<h1>Something went wrong</h1>\n<p>The page could not be"
                        + " made (" + escape(e.getClass().getSimpleName()) + "); the server log has the details.</p>\n"));
            }
        };
    }
}
