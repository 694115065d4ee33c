package org.clearline.admin.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.function.Supplier;
import org.clearline.admin.config.HttpConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration listener: one Javalin (Jetty) server for the REST API,
 * the dashboard and {@code /metrics}. It runs on its own small thread pool,
 * apart from the SIP I/O loops, so a slow page never delays a call.
 */
public final class AdminHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);
    /** Request bodies above this are refused (413); captures for the analyzer are the largest legitimate ones. */
    static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    private static final int MAX_THREADS = 16;

    private final Javalin app;

    private AdminHttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Binds {@code config.listen():config.port()} and serves the modules behind authentication.
     *
     * @param metrics the Prometheus text exposition, served at {@code /metrics}
     */
    public static AdminHttpServer start(HttpConfig config, AdminToken token, Sessions sessions,
                                        Supplier<String> metrics, List<HttpModule> modules) {
        Authentication auth = new Authentication(token, config.password().orElse(null), sessions);
        Javalin app = Javalin.create(c -> configure(c, auth, metrics, modules));
        app.start(config.listen(), config.port());
        return new AdminHttpServer(app);
    }

    private static void configure(JavalinConfig c, Authentication auth, Supplier<String> metrics,
                                  List<HttpModule> modules) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.jsonMapper(new JacksonMapper());
        c.http.maxRequestSize = MAX_REQUEST_BYTES;
        c.http.defaultContentType = "application/json";
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("clearline-http");
        pool.setDaemon(true);
        c.jetty.threadPool = pool;
        c.staticFiles.add(s -> {
            s.hostedPath = "/static";
            s.directory = "/org/clearline/admin/web/static";
            s.location = Location.CLASSPATH;
        });
        c.routes.before(auth::check);
        c.routes.get("/login", auth::loginPage);
        c.routes.post("/login", auth::login);
        c.routes.post("/logout", auth::logout);
        c.routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
        c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
        for (HttpModule m : modules) m.register(c.routes);
        c.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        c.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (isApi(ctx)) ctx.status(e.getStatus()).json(ErrorBody.of(e.getStatus(), null, e.getMessage()));
            else ctx.status(e.getStatus()).contentType("text/plain").result(e.getMessage());
        });
        c.routes.exception(Exception.class, (e, ctx) -> {
            log.warn("HTTP {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ErrorBody.of(500, null, "internal error (" + e.getClass().getSimpleName()
                    + "); the server log has the details"));
        });
        c.routes.error(404, ctx -> {
            if (isApi(ctx) && ctx.result() == null) {
                ctx.json(ErrorBody.of(404, null, "no such resource: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** The bound port (the config may say 0: any free port). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The session cookie; HttpOnly and SameSite=Strict so scripts and other sites cannot use it. */
    static Cookie sessionCookie(String value, int maxAgeSeconds) {
        return new Cookie(Authentication.COOKIE, value, "/", maxAgeSeconds, false, true, null, SameSite.STRICT);
    }
}
