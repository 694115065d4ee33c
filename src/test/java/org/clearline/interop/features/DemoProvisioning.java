package org.clearline.interop.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.Workspace;

/**
 * The demo provisioning of issue 4 ({@code examples/demo.yaml}) as the tests
 * run it: every line, number, password, dial plan and trunk exactly as in the
 * file, with only the SIP port and the three trunk ports moved to free ports
 * this test picked (5060 and 5080-5082 may be in use by anything else), and,
 * where a test says so, a shorter T1.
 *
 * <p>Each rewrite must match exactly once: if the demo file changes shape, the
 * test fails here instead of silently running against something else.
 *
 * @param sipPort     UDP and TCP port of the server
 * @param carrierPort UDP port of the "carrier" trunk (+4989), where a SIPp UAS plays the carrier
 * @param brokenPort  TCP port of the "broken" trunk (+4940), where nothing listens
 * @param garbledPort UDP port of the "garbled" trunk (+4969), where a SIPp UAS answers malformed
 * @param t1          RFC 3261 T1, or null to keep the demo's own (500 ms)
 */
public record DemoProvisioning(int sipPort, int carrierPort, int brokenPort, int garbledPort, Duration t1) {
    public static final String DOMAIN = "demo.clearline.test";

    /** The demo with every port freshly chosen and the demo's timers. */
    public static DemoProvisioning onFreePorts() {
        int sip = FreePorts.udpAndTcp();
        int carrier = distinctUdp(sip);
        int broken = distinctTcp(sip, carrier);
        int garbled = distinctUdp(sip, carrier, broken);
        return new DemoProvisioning(sip, carrier, broken, garbled, null);
    }

    /** The same provisioning on freshly chosen ports (the last ones were taken meanwhile). */
    public DemoProvisioning onFreshPorts() {
        return onFreePorts().withT1(t1);
    }

    /** The same provisioning with another T1 (Timer B = 64*T1, RFC 3261 §17.1.1.2). */
    public DemoProvisioning withT1(Duration newT1) {
        return new DemoProvisioning(sipPort, carrierPort, brokenPort, garbledPort, newT1);
    }

    /** The demo file's text with the rewrites applied. */
    public String yaml() {
        Path demo = Workspace.projectDir().resolve("examples").resolve("demo.yaml");
        String text;
        try {
            text = Files.readString(demo, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + demo, e);
        }
        text = replaceOnce(text, "(sip: \\{ listen: 127\\.0\\.0\\.1, port: )5060(,)", sipPort);
        text = replaceOnce(text, "(name: carrier[^\\n]*\\n(?:[^\\n]*\\n)*?\\s+port: )5080(\\s)", carrierPort);
        text = replaceOnce(text, "(name: broken[^\\n]*\\n(?:[^\\n]*\\n)*?\\s+port: )5081(\\s)", brokenPort);
        text = replaceOnce(text, "(name: garbled[^\\n]*\\n(?:[^\\n]*\\n)*?\\s+port: )5082(\\s)", garbledPort);
        text = replaceOnce(text, "(http: \\{ listen: 127\\.0\\.0\\.1, port: )8080( )", 0);
        if (t1 != null) {
            text = replaceOnce(text, "(timers: \\{ t1: )500ms(,)", t1.toMillis() + "ms");
        }
        return text;
    }

    private static String replaceOnce(String text, String regex, Object value) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) throw new IllegalStateException("examples/demo.yaml changed: no match for " + regex);
        String out = text.substring(0, m.start()) + m.group(1) + value + m.group(2) + text.substring(m.end());
        if (Pattern.compile(regex).matcher(text.substring(m.end())).find()) {
            throw new IllegalStateException("examples/demo.yaml changed: more than one match for " + regex);
        }
        return out;
    }

    private static int distinctUdp(int... taken) {
        for (int i = 0; i < 20; i++) {
            int p = FreePorts.udp();
            if (!contains(taken, p)) return p;
        }
        throw new IllegalStateException("no distinct free UDP port");
    }

    /** A TCP port nobody listens on (connection refused), distinct from the others. */
    private static int distinctTcp(int... taken) {
        for (int i = 0; i < 20; i++) {
            int p = FreePorts.udpAndTcp();
            if (!contains(taken, p)) return p;
        }
        throw new IllegalStateException("no distinct free TCP port");
    }

    private static boolean contains(int[] ports, int p) {
        for (int q : ports) {
            if (q == p) return true;
        }
        return false;
    }
}
