package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.admin.config.HttpConfig;
import org.clearline.admin.diagnose.DiagnoseModule;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.diagnose.DiagnosisSources;
import org.clearline.admin.diagnose.LiveServer;
import org.clearline.admin.http.AdminHttpServer;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.admin.http.Sessions;
import org.clearline.admin.server.SipStack;
import org.clearline.admin.server.StackSettings;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.time.Clock;
import org.clearline.transaction.TimerConfig;
import org.clearline.transport.TransportConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose} against a server running in this JVM (real SIP stack and
 * administration listener on free loopback ports): the CLI finds it through
 * {@code server.json}, and the server's own socket sends the OPTIONS to a phone
 * that answers and to a registered port where nothing listens any more.
 */
class DiagnoseRunningServerTest {
    @TempDir Path dir;
    private Path data;
    private JdbcStore store;
    private SipStack stack;
    private AdminHttpServer http;
    private DatagramSocket phone;
    private Thread phoneThread;
    private int deadPort;
    private final List<String> phoneHeard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        store = JdbcStore.open(data);
        Ha1 ha1 = Ha1.of("alice", "127.0.0.1", "secret");
        store.accounts().put(new Account("alice", "Alice", ha1.md5(), ha1.sha256(), true));
        phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phone.setSoTimeout(200);
        try (DatagramSocket gone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            deadPort = gone.getLocalPort();
        }
        long now = System.currentTimeMillis();
        bind("sip:alice@127.0.0.1:" + phone.getLocalPort(), "udp:127.0.0.1:" + phone.getLocalPort(), now);
        bind("sip:alice@127.0.0.1:" + deadPort, "udp:127.0.0.1:" + deadPort, now);

        StackSettings s = new StackSettings("127.0.0.1", List.of(), TransportConfig.of("127.0.0.1", 0),
                TimerConfig.DEFAULT, RegistrarConfig.DEFAULT, ProxyConfig.DEFAULT, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.MD5), "49", "30", Duration.ofSeconds(2), StackSettings.GERMAN_PREMIUM,
                List.of(), StackSettings.DEFAULT_FORWARD_DEPTH);
        stack = SipStack.start(s, store, Clock.SYSTEM);
        Diagnoser diagnoser = new Diagnoser(DiagnosisSources.of(store), Clock.SYSTEM,
                LiveServer.of(stack.location(), stack.activeCalls(), stack.prober()));
        http = AdminHttpServer.start(new HttpConfig(true, "127.0.0.1", 0, Optional.empty()),
                AdminToken.loadOrCreate(data), new Sessions(Clock.SYSTEM), () -> "",
                List.of(new DiagnoseModule(diagnoser, stack.prober().settings().maxWait())));
        new RuntimeFile(ProcessHandle.current().pid(), "http://127.0.0.1:" + http.port()).write(data);
        phoneThread = new Thread(this::answerOptions, "test-phone");
        phoneThread.start();
    }

    @AfterEach
    void stop() throws Exception {
        RuntimeFile.remove(data);
        if (phone != null) phone.close();
        if (phoneThread != null) phoneThread.join(5_000);
        if (http != null) http.close();
        if (stack != null) stack.close();
        if (store != null) store.close();
    }

    @Test
    void theServerProbesThePhonesAndTheCliTellsWhichAnswered() {
        Result r = new CliHarness(data).run("diagnose", "alice", "--timeout", "1s");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("asked the running server, which sent OPTIONS to the phones")
                .contains("  PROBLEM  phone at udp:127.0.0.1:" + deadPort + " did not answer OPTIONS within 1 s:"
                        + " calls to it ring nowhere")
                .contains("  info     phone at udp:127.0.0.1:" + phone.getLocalPort() + " answered OPTIONS: 200 OK in")
                .containsPattern("yes: 200 OK in [0-9]+ ms \\(udp:127\\.0\\.0\\.1:" + phone.getLocalPort() + "\\)")
                .contains("NO: no answer in 1000 ms (udp:127.0.0.1:" + deadPort + ")");
        assertThat(phoneHeard).first().isEqualTo("OPTIONS sip:alice@127.0.0.1:" + phone.getLocalPort() + " SIP/2.0");
    }

    @Test
    void jsonAndNoProbe() throws Exception {
        Result quiet = new CliHarness(data).run("diagnose", "alice", "--no-probe", "--json");
        assertThat(quiet.exit()).isZero();
        JsonNode q = new ObjectMapper().readTree(quiet.out());
        assertThat(q.path("serverRunning").asBoolean()).isTrue();
        assertThat(q.path("probed").asBoolean()).isFalse();
        assertThat(q.path("line").path("activeCalls").asInt()).isZero();
        assertThat(phoneHeard).as("no OPTIONS without a probe").isEmpty();

        Result probed = new CliHarness(data).run("diagnose", "alice", "--json", "--timeout", "500ms");
        JsonNode p = new ObjectMapper().readTree(probed.out());
        List<String> results = new ArrayList<>();
        for (JsonNode b : p.path("bindings")) results.add(b.path("reachability").path("result").asText());
        assertThat(results).containsExactlyInAnyOrder("answered", "timeout");
    }

    @Test
    void anUnknownAccountIsTheServersOneLineAnswer() {
        assertError(new CliHarness(data).run("diagnose", "mallory"), "account 'mallory' does not exist");
    }

    private void bind(String contact, String source, long now) {
        store.registrations().apply(List.of(new RegistrationChange.Upsert(new Registration("alice", contact,
                "r-" + contact, 1, now + 3_600_000, now, 1.0, "", source, "TestPhone/1.0")))).join();
    }

    /** The phone: answers every OPTIONS with 200, copying what §8.2.6.2 says a UAS copies. */
    private void answerOptions() {
        byte[] buf = new byte[4096];
        while (!phone.isClosed()) {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                phone.receive(in);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (java.io.IOException e) {
                return; // closed
            }
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r\n");
            phoneHeard.add(lines[0]);
            if (!lines[0].startsWith("OPTIONS ")) continue;
            StringBuilder out = new StringBuilder("SIP/2.0 200 OK\r\n");
            for (String l : lines) {
                String lower = l.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                        || lower.startsWith("cseq:")) {
                    out.append(l).append("\r\n");
                } else if (lower.startsWith("to:")) {
                    out.append(l).append(";tag=ph1\r\n");
                }
            }
            out.append("Allow: INVITE, ACK, BYE, CANCEL, OPTIONS\r\nUser-Agent: TestPhone/1.0\r\nContent-Length: 0\r\n\r\n");
            byte[] bytes = out.toString().getBytes(StandardCharsets.ISO_8859_1);
            try {
                phone.send(new DatagramPacket(bytes, bytes.length, in.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
