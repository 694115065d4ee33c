package org.clearline.admin.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every API error; {@code field} is left out when no single field is at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, String field, String message) {
    static ErrorBody of(int status, String field, String message) {
        return new ErrorBody(status, reason(status), field, message);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "error";
        };
    }
}
