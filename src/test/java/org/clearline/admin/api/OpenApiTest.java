package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.admin.api.ApiRoutes.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI file describes exactly the routes the module registers, with the
 * query parameters each accepts; every route refuses a request without the token.
 */
class OpenApiTest extends OneServerPerClass {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    JsonNode doc;

    @BeforeAll
    void start() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(OpenApiResource.RESOURCE)) {
            doc = new YAMLMapper().readTree(in);
        }
    }

    /** "GET /accounts/{sipId}" to the operation's query parameter names, for paths this module serves. */
    private Map<String, List<String>> documented(boolean ofThisModule) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getValue().has("x-clearline-module") == ofThisModule) continue;
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) continue;
                List<String> query = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode param = resolve(p);
                    if (param.path("in").asText().equals("query")) query.add(param.path("name").asText());
                }
                out.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), query);
            }
        }
        return out;
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) return node;
        JsonNode target = doc;
        for (String part : node.get("$ref").asText().substring(2).split("/")) target = target.path(part);
        assertThat(target.isMissingNode()).as("%s resolves", node.get("$ref")).isFalse();
        return target;
    }

    @Test
    void theFileListsExactlyTheRoutesOfTheModuleWithTheirQueryParameters() {
        Map<String, List<String>> registered = new TreeMap<>();
        for (Route r : api.module.routes()) registered.put(r.key(), r.query());
        Map<String, List<String>> documented = documented(true);
        assertThat(documented.keySet()).containsExactlyElementsOf(registered.keySet());
        registered.forEach((route, query) -> assertThat(documented.get(route))
                .as("query parameters of %s", route).containsExactlyInAnyOrderElementsOf(query));
    }

    @Test
    void theDiagnosisOfAnotherModuleIsListedAndNotServedHere() {
        assertThat(documented(false)).containsOnlyKeys("GET /accounts/{sipId}/diagnosis");
        assertThat(api.module.routes()).extracting(Route::path).doesNotContain("/accounts/{sipId}/diagnosis");
        assertThat(doc.path("components").path("schemas").path("Diagnosis").path("properties").fieldNames())
                .toIterable().contains("registered", "bindings", "line", "recentFailedCalls",
                        "recentFailedRegistrations", "failedAuthSources");
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryReferenceResolves() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> declared = new ArrayList<>();
            for (JsonNode p : path.getValue().path("parameters")) declared.add(resolve(p).path("name").asText());
            Matcher m = PATH_PARAM.matcher(path.getKey());
            List<String> used = new ArrayList<>();
            while (m.find()) used.add(m.group(1));
            assertThat(declared).as("path parameters of %s", path.getKey()).containsExactlyElementsOf(used);
        }
        assertThat(refs(doc)).allSatisfy(this::resolveText);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    }

    private void resolveText(String ref) {
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) target = target.path(part);
        assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
    }

    private static List<String> refs(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.has("$ref")) out.add(node.get("$ref").asText());
        for (JsonNode child : node) out.addAll(refs(child));
        return out;
    }

    @Test
    void theFileIsServedAsYaml() {
        ApiHarness.Response r = api.get("/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/yaml");
        assertThat(r.body()).startsWith("openapi: 3.1.0").contains("/accounts/{sipId}/line:");
    }

    @Test
    void everyRouteRefusesARequestWithoutTheTokenOrWithAWrongOne() {
        for (Route r : api.module.routes()) {
            String path = r.path().replace("{sipId}", "alice").replace("{number}", "+493012345001")
                    .replace("{callId}", "c1").replace("{code}", "486").replace("{id}", "callee.dnd");
            String body = r.method().name().equals("GET") || r.method().name().equals("DELETE") ? null : "{}";
            ApiHarness.Response none = api.send(r.method().name(), path, body, null, null);
            assertThat(none.error(401, null)).as(r.key()).contains("Authorization: Bearer");
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"clearline\"");
            ApiHarness.Response wrong = api.send(r.method().name(), path, body, "Bearer not-the-token", null);
            assertThat(wrong.error(401, null)).as(r.key()).isEqualTo("the token is not valid");
            // a right token clears the count of wrong ones, which would otherwise throttle this loop (429)
            assertThat(api.get("/status").status()).isEqualTo(200);
        }
    }
}
