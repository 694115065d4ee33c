package org.clearline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    static String encode(List<RouteStep> route) {
        if (route == null || route.isEmpty()) return "";
        ArrayNode list = JSON.createArrayNode();
        for (RouteStep s : route) {
            list.addObject().put("kind", s.kind().key()).put("label", s.label()).put("detail", s.detail());
        }
        return list.toString();
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
