package org.clearline.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
            String expected = e instanceof MismatchedInputException mi ? expected(mi.getTargetType()) : null;
            return ApiError.badRequest(field, expected != null ? field + " must be " + expected
                    : "invalid value for \"" + field + "\": " + firstLine(m.getOriginalMessage()));
        }
        if (e instanceof MismatchedInputException mi && expected(mi.getTargetType()) != null) {
            return ApiError.badRequest(null, "the body must be " + expected(mi.getTargetType()));
        }
        return ApiError.badRequest(null, "the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    }

    /** What a field of this Java type takes, in JSON words; null for types the generic message serves better. */
    private static String expected(Class<?> type) {
        if (type == null) return null;
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) return "a number";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) return "an object";
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
