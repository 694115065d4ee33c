package org.clearline.interop.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SIPp flows several tests share: registering a contact, starting a callee, placing calls. */
public final class Flows {
    private Flows() {}

    /**
     * Registers {@code account} with one binding per contact port (each its own
     * Call-ID) and asserts 401 then 200 for every one.
     */
    public static SippResult register(ClearlineProcess server, TestAccount account, List<Integer> contactPorts) {
        List<List<String>> rows = new ArrayList<>();
        for (int port : contactPorts) rows.add(List.of(account.sipId(), account.password(), Integer.toString(port)));
        SippResult r = Sipp.scenario("register.xml").label("register-" + account.sipId())
                .remote(server.address())
                .replace("@FINAL@", "200")
                .key("domain", server.domain()).key("expires", "3600")
                .inject(rows).calls(rows.size())
                .timeout(Duration.ofSeconds(30))
                .run();
        assertThat(r.succeeded()).as("registering %s: %s", account.sipId(), r.diagnostics()).isTrue();
        Map<String, List<Integer>> statuses = r.trace().finalStatusesByCall("REGISTER");
        assertThat(statuses).as("one registration per contact").hasSize(contactPorts.size());
        assertThat(statuses.values()).as("401 challenge, then 200").allSatisfy(s -> assertThat(s).containsExactly(401, 200));
        return r;
    }

    public static SippResult register(ClearlineProcess server, TestAccount account, int contactPort) {
        return register(server, account, List.of(contactPort));
    }

    /** A SIPp callee ({@code uas_*.xml}) on a free port, waiting for {@code calls} calls. */
    public static SippRun callee(String scenario, int calls, Duration timeout, String... sippArgs) {
        return Sipp.scenario(scenario).calls(calls).timeout(timeout).arg(sippArgs).start();
    }

    /** Rows for call_uac.xml and friends: caller, password, callee; one per call. */
    public static List<List<String>> callRows(TestAccount caller, String callee, int calls) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < calls; i++) rows.add(List.of(caller.sipId(), caller.password(), callee));
        return rows;
    }

    /** A caller scenario against the server for {@code calls} calls. */
    public static Sipp caller(String scenario, ClearlineProcess server, TestAccount caller, String callee, int calls) {
        return Sipp.scenario(scenario).label(scenario.replace(".xml", "") + "-" + caller.sipId() + "-" + callee)
                .remote(server.address())
                .key("domain", server.domain())
                .inject(callRows(caller, callee, calls)).calls(calls);
    }
}
