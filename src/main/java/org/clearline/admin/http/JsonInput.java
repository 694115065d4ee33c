package org.clearline.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/** Turns Jackson's complaint about a request body into an {@link ApiError} naming the field. */
final class JsonInput {
    private JsonInput() {}

    static ApiError error(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return ApiError.badRequest(u.getPropertyName(), "unknown field \"" + u.getPropertyName() + "\"");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ApiError.badRequest(field, "invalid value for \"" + field + "\": " + firstLine(m.getOriginalMessage()));
        }
        return ApiError.badRequest(null, "the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
