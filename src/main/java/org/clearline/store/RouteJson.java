package org.clearline.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A call's route as the log stores it: a JSON list of
 * {@code {"kind": "forward", "label": "bob -> carol", "detail": "busy"}}
 * (JSON so that PostgreSQL can later query it). Reading is lenient: a step of
 * a kind this version does not know is skipped, unreadable text is no route.
 */
final class RouteJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteJson() {}

    /** Written with the streaming generator: the writer encodes a route per call, a tree would be built to be thrown away. */
    static String encode(List<RouteStep> route) {
        if (route == null || route.isEmpty()) return "";
        StringWriter out = new StringWriter(64 * route.size());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (RouteStep s : route) {
                g.writeStartObject();
                g.writeStringField("kind", s.kind().key());
                g.writeStringField("label", s.label());
                g.writeStringField("detail", s.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    static List<RouteStep> decode(String text) {
        if (text == null || text.isBlank()) return List.of();
        JsonNode list;
        try {
            list = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (list == null || !list.isArray()) return List.of();
        List<RouteStep> out = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            RouteStep.Kind kind = RouteStep.Kind.byKey(n.path("kind").asText());
            if (kind != null) out.add(new RouteStep(kind, n.path("label").asText(), n.path("detail").asText()));
        }
        return out;
    }
}
