package org.clearline.admin.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's routes as a list, before they are handed to Javalin: each with the
 * query parameters it accepts, so that a mistyped parameter is refused rather
 * than ignored, and so a test can hold the OpenAPI file to exactly these routes.
 */
final class ApiRoutes {
    /** Every path of this API starts here; a later incompatible version gets /api/v2. */
    static final String BASE = "/api/v1";

    /** One operation: {@code path} is relative to {@link #BASE}, with {@code {name}} parameters. */
    record Route(HandlerType method, String path, List<String> query, Handler handler) {
        /** "GET /accounts/{sipId}", as the OpenAPI file's paths and methods spell it. */
        String key() {
            return method.name() + " " + path;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    ApiRoutes get(String path, Handler handler, String... query) {
        return add(HandlerType.GET, path, handler, query);
    }

    ApiRoutes post(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    ApiRoutes put(String path, Handler handler) {
        return add(HandlerType.PUT, path, handler);
    }

    ApiRoutes patch(String path, Handler handler) {
        return add(HandlerType.PATCH, path, handler);
    }

    ApiRoutes delete(String path, Handler handler) {
        return add(HandlerType.DELETE, path, handler);
    }

    private ApiRoutes add(HandlerType method, String path, Handler handler, String... query) {
        routes.add(new Route(method, path, List.of(query), handler));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }
}
