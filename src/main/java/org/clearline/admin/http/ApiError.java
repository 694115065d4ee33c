package org.clearline.admin.http;

/**
 * A request the API refuses, with what the caller must change: becomes a JSON
 * body {@code {"status":400,"error":"bad-request","field":"sipId","message":"..."}}.
 *
 * @see ErrorBody
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    public ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, null, what);
    }

    public static ApiError conflict(String field, String message) {
        return new ApiError(409, field, message);
    }

    public int status() {
        return status;
    }

    /** The request field (path, query or body key) at fault; null when none is. */
    public String field() {
        return field;
    }

    public ErrorBody body() {
        return ErrorBody.of(status, field, getMessage());
    }
}
