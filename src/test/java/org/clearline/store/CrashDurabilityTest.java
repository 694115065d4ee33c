package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration whose future completed must survive the process being
 * killed at any moment after: the registrar answers 200 OK on that signal.
 */
class CrashDurabilityTest {
    @TempDir Path dir;

    @Test
    void everyAcknowledgedRegistrationSurvivesAHaltMidStream() throws Exception {
        Path data = dir.resolve("data");
        Path stderr = dir.resolve("child.err");
        Process child = ChildJvm.start(CrashingRegistrar.class, stderr, data.toString(), "1000");
        Set<String> ackedContacts = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("ACKED ")) {
                    int n = Integer.parseInt(line.substring("ACKED ".length()));
                    ackedContacts.add(CrashingRegistrar.registration(n).contact());
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("halted, not exited: %s", Files.readString(stderr)).isEqualTo(9);
        assertThat(ackedContacts).hasSizeGreaterThanOrEqualTo(1000);

        try (JdbcStore store = JdbcStore.open(data)) {
            Set<String> stored = new HashSet<>();
            store.registrations().loadAll().forEach(r -> stored.add(r.contact()));
            assertThat(stored).containsAll(ackedContacts);
        }
    }
}
