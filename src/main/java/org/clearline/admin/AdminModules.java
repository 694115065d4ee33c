package org.clearline.admin;

import java.util.List;
import org.clearline.admin.diagnose.DiagnoseModule;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.diagnose.DiagnosisSources;
import org.clearline.admin.diagnose.LiveServer;
import org.clearline.admin.api.ApiModule;
import org.clearline.admin.http.HttpModule;
import org.clearline.admin.server.SipStack;
import org.clearline.admin.web.DashboardModule;
import org.clearline.admin.web.DashboardSources;

/** The route groups the administration listener serves for a running stack. */
final class AdminModules {
    private AdminModules() {}

    static List<HttpModule> of(SipStack stack) {
        Diagnoser diagnoser = new Diagnoser(DiagnosisSources.of(stack.store()), stack.clock(),
                LiveServer.of(stack.location(), stack.activeCalls(), stack.prober()));
        return List.of(new ApiModule(stack), new DiagnoseModule(diagnoser, stack.prober().settings().maxWait()),
                DashboardModule.withDiagnoser(DashboardSources.of(stack), diagnoser));
    }
}
