package org.clearline.admin;

import java.util.List;
import org.clearline.admin.api.ApiModule;
import org.clearline.admin.http.HttpModule;
import org.clearline.admin.server.SipStack;

/** The route groups the administration listener serves for a running stack. */
final class AdminModules {
    private AdminModules() {}

    static List<HttpModule> of(SipStack stack) {
        return List.of(new ApiModule(stack));
    }
}
