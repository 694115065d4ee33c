package org.clearline.admin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.registrar.Registrar;
import org.clearline.failures.Situation;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.transaction.ServerTransaction;

/**
 * The Prometheus figures: outcomes counted per final code and situation id
 * (calls, other requests, registrations) from the same hooks as the call log,
 * and gauges read from the live stack when scraped. Tags come from closed sets
 * (codes, catalogue ids, a fixed list of methods), so series stay bounded.
 */
public final class ServerMetrics implements CallOutcomes, Registrar.Outcomes {
    /** Tag value when we relayed the response of a callee rather than made it. */
    static final String RELAYED = "relayed";
    private static final java.util.Set<String> METHODS = java.util.Set.of("INVITE", "ACK", "BYE", "CANCEL",
            "OPTIONS", "REGISTER", "INFO", "UPDATE", "PRACK", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "PUBLISH");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Adds a gauge read at scrape time; {@code read} must be cheap and thread-safe. */
    public <T> void gauge(String name, String help, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, source, read).description(help).register(registry);
    }

    /** Adds a gauge over a plain supplier. */
    public void gauge(String name, String help, Supplier<Number> read) {
        Gauge.builder(name, read).description(help).register(registry);
    }

    @Override
    public void finished(ServerTransaction tx, int status, Situation situation) {
        SipRequest r = tx.request();
        String situationTag = situation == null ? RELAYED : situation.id();
        if (r.isMethod(Methods.INVITE) && (r.to() == null || r.to().tag() == null)) {
            count("clearline_calls", "Call attempts (initial INVITEs) by final response code and situation",
                    status, situationTag, null);
        } else {
            count("clearline_requests", "Requests other than call attempts by method, final code and situation",
                    status, situationTag, METHODS.contains(r.method()) ? r.method() : "other");
        }
    }

    @Override
    public void registered(SipRequest request, String source, int code, Situation situation, String sipId) {
        count("clearline_registrations", "REGISTER outcomes by final response code and situation", code,
                situation == null ? (code < 300 ? "ok" : RELAYED) : situation.id(), null);
    }

    private void count(String name, String help, int code, String situation, String method) {
        String key = name + '|' + code + '|' + situation + '|' + method;
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> {
                Counter.Builder b = Counter.builder(name).description(help)
                        .tag("code", Integer.toString(code)).tag("situation", situation);
                if (method != null) b.tag("method", method);
                return b.register(registry);
            });
        }
        c.increment();
    }

    /** The text exposition format for {@code /metrics}. */
    public String scrape() {
        return registry.scrape();
    }
}
