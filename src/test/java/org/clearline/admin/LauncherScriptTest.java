package org.clearline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/find-jdk.sh, the JDK discovery shared by ./clearline and .ci/run, against fake JDKs;
 * and the JVM options ./clearline passes, to a fake java that prints them.
 */
class LauncherScriptTest {
    static final Path SCRIPT = Path.of("bin/find-jdk.sh").toAbsolutePath();

    @TempDir Path dir;
    Path jvms;
    Path pathWithOldJava;

    record Outcome(int exit, String javaHome, String err) {}

    @BeforeEach
    void fakeJdks() throws IOException {
        jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk(jvms.resolve("jdk-17"), "17.0.9", true);
        fakeJdk(jvms.resolve("jdk-21"), "21.0.2", true);
        fakeJdk(jvms.resolve("jdk-25"), "25", true);
        fakeJdk(jvms.resolve("jre-26"), "26", false); // no javac: cannot build
        pathWithOldJava = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(pathWithOldJava.resolve("java"), jvms.resolve("jdk-17/bin/java"));
    }

    @Test
    void picksTheNewestJdkOfTheJvmDirectory() throws Exception {
        assertThat(find(null, jvms)).isEqualTo(new Outcome(0, jvms.resolve("jdk-25").toString(), ""));
    }

    @Test
    void aSuitableJavaHomeWins() throws Exception {
        assertThat(find(jvms.resolve("jdk-21"), jvms).javaHome()).isEqualTo(jvms.resolve("jdk-21").toString());
    }

    @Test
    void anOldJavaHomeIsSkippedWithANote() throws Exception {
        Outcome outcome = find(jvms.resolve("jdk-17"), jvms);
        assertThat(outcome.javaHome()).isEqualTo(jvms.resolve("jdk-25").toString());
        assertThat(outcome.err()).contains("ignoring JAVA_HOME=" + jvms.resolve("jdk-17"));
    }

    @Test
    void withoutReleaseFileTheVersionComesFromJavaItself() throws Exception {
        Path only = Files.createDirectories(dir.resolve("only"));
        fakeJdk(only.resolve("jdk-22"), null, true);
        assertThat(find(null, only).javaHome()).isEqualTo(only.resolve("jdk-22").toString());
    }

    @Test
    void fallsBackToJavaOnPath() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path newJava = Files.createDirectories(dir.resolve("newbin"));
        Files.createSymbolicLink(newJava.resolve("java"), jvms.resolve("jdk-21/bin/java"));
        Outcome outcome = run(null, empty, newJava);
        assertThat(outcome.javaHome()).isEqualTo(jvms.resolve("jdk-21").toString());
    }

    @Test
    void withNothingSuitableItSaysWhatToInstallAndFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome outcome = find(null, empty);
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.javaHome()).isEmpty();
        assertThat(outcome.err()).contains("no JDK 21 or newer found").contains("openjdk-21-jdk").contains("Temurin");
    }

    @Test
    void theScriptsAreExecutable() {
        assertThat(Path.of("clearline")).isExecutable();
        assertThat(Path.of(".ci/run")).isExecutable();
    }

    @Test
    void theServerGetsAFixedHeapOf512MegabytesByDefault() throws Exception {
        assertThat(launch(Map.of(), "serve", "--data", "d")).containsSubsequence("-Xmx512m", "-Xms512m", "-jar")
                .endsWith("serve", "--data", "d");
    }

    @Test
    void theServerTouchesItsWholeHeapAtStartUnlessToldOtherwise() throws Exception {
        assertThat(launch(Map.of(), "serve")).containsSubsequence("-Xms512m", "-XX:+AlwaysPreTouch", "-jar");
        // one's own options come later on the command line, and the JVM takes the last
        assertThat(launch(Map.of("CLEARLINE_JAVA_OPTS", "-XX:-AlwaysPreTouch"), "serve"))
                .containsSubsequence("-XX:+AlwaysPreTouch", "-XX:-AlwaysPreTouch", "-jar");
    }

    @Test
    void anXmxOfOnesOwnSetsTheFixedHeapAndAnXmsOfOnesOwnWins() throws Exception {
        assertThat(launch(Map.of("CLEARLINE_JAVA_OPTS", "-Dx=1 -Xmx256m"), "serve"))
                .containsSubsequence("-Xmx256m", "-Xms256m", "-Dx=1", "-Xmx256m", "-jar");
        assertThat(launch(Map.of("CLEARLINE_HEAP", "2g"), "serve")).contains("-Xmx2g", "-Xms2g");
        assertThat(launch(Map.of("CLEARLINE_JAVA_OPTS", "-Xms64m"), "serve"))
                .contains("-Xmx512m", "-Xms64m").doesNotContain("-Xms512m");
    }

    @Test
    void otherCommandsKeepTheJvmsOwnSizing() throws Exception {
        assertThat(launch(Map.of(), "calls", "--failed")).noneMatch(a -> a.startsWith("-Xm"))
                .doesNotContain("-XX:+AlwaysPreTouch");
    }

    @Test
    void aHeapThatIsNoSizeIsRefusedInOneLine() throws Exception {
        Path home = launcherHome();
        Process p = launcher(home, Map.of("CLEARLINE_HEAP", "lots"), "serve").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).isEqualTo("clearline: CLEARLINE_HEAP must be a size such as 512m or 2g, not 'lots'\n");
    }

    /** The arguments ./clearline gives java, one per element. */
    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        Process p = launcher(launcherHome(), env, args).redirectError(dir.resolve("launch-err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("launch-err.txt"))).isZero();
        return out.lines().toList();
    }

    /** A copy of the launcher beside a built jar (so it does not build), with a JDK whose java prints its arguments. */
    private Path launcherHome() throws IOException {
        Path home = dir.resolve("home");
        if (Files.exists(home)) return home;
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target/lib"));
        Files.writeString(home.resolve("target/clearline.jar"), "");
        Files.copy(Path.of("clearline"), home.resolve("clearline"));
        Files.copy(SCRIPT, home.resolve("bin/find-jdk.sh"));
        Path jdk = home.resolve("jdk");
        fakeJdk(jdk, "25", true);
        executable(jdk.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        return home;
    }

    private ProcessBuilder launcher(Path home, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("clearline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CLEARLINE_JAVA_OPTS");
        pb.environment().remove("CLEARLINE_HEAP");
        pb.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private Outcome find(Path javaHome, Path jvmDir) throws Exception {
        return run(javaHome, jvmDir, pathWithOldJava);
    }

    private Outcome run(Path javaHome, Path jvmDir, Path javaOnPath) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "source \"$0\" && clearline_find_jdk && printf %s \"$JAVA_HOME\"", SCRIPT.toString());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        if (javaHome != null) env.put("JAVA_HOME", javaHome.toString());
        env.put("CLEARLINE_JVM_DIR", jvmDir.toString());
        env.put("PATH", javaOnPath + ":/usr/bin:/bin");
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    /** A directory that looks like a JDK: bin/java (and bin/javac), optionally a release file. */
    private static void fakeJdk(Path home, String version, boolean withJavac) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        String feature = version == null ? "22" : version.split("\\.")[0];
        executable(bin.resolve("java"), "#!/bin/sh\necho '    java.specification.version = " + feature + "' >&2\n");
        if (withJavac) executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        if (version != null) Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
