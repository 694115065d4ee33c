package org.clearline.admin.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes served by the administration listener (the REST API, the
 * dashboard). Authentication is done before a module's handlers run: paths
 * under {@code /api/} need the admin token or a dashboard session, every other
 * path except the log-in page and static files needs a session.
 */
public interface HttpModule {
    void register(RoutesConfig routes);
}
