package org.clearline.admin.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the API's OpenAPI 3.1 description, written by hand beside the code. */
final class OpenApiResource {
    /** Classpath name of the file; a test holds it to exactly the routes {@link ApiModule} registers. */
    static final String RESOURCE = "/org/clearline/admin/api/openapi.yaml";

    private OpenApiResource() {}

    static void routes(ApiRoutes r) {
        byte[] document = read();
        r.get("/openapi.yaml", ctx -> serve(ctx, document));
    }

    private static void serve(Context ctx, byte[] document) {
        ctx.contentType("application/yaml; charset=utf-8").result(document);
    }

    private static byte[] read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
