package org.clearline.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.clearline.admin.calls.ExplainChoices;
import org.clearline.admin.http.ApiError;
import org.clearline.failures.Language;

/**
 * Reading a request strictly: query parameters of the right form, JSON bodies
 * of the right shape, each mistake a 400 naming the parameter or field.
 */
final class Params {
    private Params() {}

    /** Refuses query parameters the route does not know (a typo must not silently widen a listing). */
    static void onlyKnown(Context ctx, List<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                throw ApiError.badRequest(name, "unknown query parameter '" + name + "'"
                        + (known.isEmpty() ? "; this path takes none" : " (known here: " + String.join(", ", known) + ")"));
            }
        }
    }

    /** The parameter's text, or null when absent. An empty value counts as given (and is checked as such). */
    static String text(Context ctx, String name) {
        return ctx.queryParam(name);
    }

    /** "true" or "false"; absent is false. */
    static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return false;
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest(name, name + " must be true or false, got '" + v + "'");
        };
    }

    /** A whole number, or {@code absent} when the parameter is not given. */
    static Integer integer(Context ctx, String name, Integer absent) {
        String v = ctx.queryParam(name);
        if (v == null) return absent;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " must be a whole number, got '" + v + "'");
        }
    }

    /** {@code lang} if given (en, de), else the best match of Accept-Language, else English. */
    static Language language(Context ctx) {
        String lang = ctx.queryParam("lang");
        Language l = lang != null ? ExplainChoices.language(lang) : ExplainChoices.preferred(ctx.header("Accept-Language"));
        ctx.header("Content-Language", l.tag());
        return l;
    }

    /** The JSON body as {@code type}; unknown fields and wrong types are refused by the listener's mapper. */
    static <T> T body(Context ctx, Class<T> type) {
        if (ctx.body().isBlank()) throw ApiError.badRequest(null, "the request needs a JSON body");
        T value = ctx.bodyAsClass(type);
        if (value == null) throw ApiError.badRequest(null, "the body must be a JSON object, not null");
        return value;
    }

    /** The JSON body as a tree that must be an object. */
    static JsonNode object(Context ctx) {
        JsonNode node = body(ctx, JsonNode.class);
        if (!node.isObject()) throw ApiError.badRequest(null, "the body must be a JSON object");
        return node;
    }

    /** Times in the API: ISO 8601 in UTC, e.g. "2026-01-01T08:00:00Z". */
    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
