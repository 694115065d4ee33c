package org.clearline.admin;

import java.util.List;
import org.clearline.admin.http.HttpModule;
import org.clearline.admin.server.SipStack;
import org.clearline.admin.web.DashboardModule;
import org.clearline.admin.web.DashboardSources;

/** The route groups the administration listener serves for a running stack. */
final class AdminModules {
    private AdminModules() {}

    static List<HttpModule> of(SipStack stack) {
        return List.of(new DashboardModule(DashboardSources.of(stack)));
    }
}
