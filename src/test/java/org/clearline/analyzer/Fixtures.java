package org.clearline.analyzer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearline.analyzer.report.CallSummary;

/** The recorded fixtures under src/test/resources/analyzer (see make-captures.sh there). */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/analyzer/" + name);
        if (url == null) throw new IllegalStateException("missing fixture analyzer/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AnalysisReport analyze(String name) {
        return new Analyzer().analyze(path(name));
    }

    /**
     * Each call by the user it was addressed to (the Request-URI's user: the
     * scenario's service, or the dialled account); registrations by their To user
     * ("register:bob"); a second one to the same user gets "#2".
     */
    public static Map<String, CallSummary> byCallee(AnalysisReport report) {
        Map<String, CallSummary> out = new LinkedHashMap<>();
        for (CallSummary c : report.calls()) {
            String key = c.requestUri().isEmpty() ? c.toUser() : user(c.requestUri());
            if (c.diagnosis().kind() == org.clearline.analyzer.diagnosis.CallKind.REGISTRATION) key = "register:" + c.toUser();
            if (out.containsKey(key)) key = key + "#2";
            if (out.containsKey(key)) throw new IllegalStateException("three calls to " + key);
            out.put(key, c);
        }
        return out;
    }

    private static String user(String uri) {
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        return colon >= 0 && at > colon ? uri.substring(colon + 1, at) : uri;
    }
}
