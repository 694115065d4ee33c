package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearline explain}: codes and situations in plain words, and its one-line errors. */
class ExplainCommandTest {
    @TempDir Path dir;

    private Result explain(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "explain";
        System.arraycopy(args, 0, full, 1, args.length);
        return new CliHarness(dir.resolve("data")).runRaw("", full);
    }

    @Test
    void aCodeShowsItsMeaningAndEverySituationThatSendsIt() {
        Result r = explain("486");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("""
                486 Busy Here: Busy
                The callee is busy: the line has reached the number of calls it may take at once, or all of the
                callee's phones are busy.
                First checks: Check the line's limit on simultaneous calls and whether a forward for when busy is
                  set.

                In Clearline this code comes from (for the administrator):

                callee.call-limit: The line's call limit is reached
                  What happened: The callee had maxCalls active calls and no busy forward; the server answered 486
                    without ringing (RFC 3261 §21.4.24).
                """);
        assertThat(r.out()).contains("  What to check: clearline line show ACCOUNT shows max calls;")
                .endsWith("  Reference: RFC 3261 §21.4.24\n");
        assertThat(r.out().lines()).allMatch(line -> line.length() <= ExplainCommand.WIDTH);
    }

    @Test
    void aCodeWithSeveralSituationsShowsEachInCatalogueOrder() {
        String out = explain("480").out();
        assertThat(out).contains("callee.offline: No phone registered", "callee.dnd: Do-not-disturb is on");
        assertThat(out.indexOf("callee.offline:")).isLessThan(out.indexOf("callee.dnd:"));
    }

    @Test
    void theAudienceChangesTheTextsAndTheCallerLearnsNothingPrivate() {
        String caller = explain("480", "--audience", "caller").out();
        assertThat(caller).contains("(for the caller):", "callee.dnd: The person you called cannot be reached right now")
                .doesNotContain("Do-not-disturb").doesNotContainIgnoringCase("dnd is");
        String owner = explain("callee.dnd", "--audience", "owner").out();
        assertThat(owner).startsWith("callee.dnd: Do-not-disturb is on (480 Temporarily Unavailable), for the account owner\n")
                .contains("  What happened: A call came in while do-not-disturb was switched on for your line");
    }

    @Test
    void germanTextsWithUmlautsSurviveTheWayOut() {
        Result r = explain("603", "--lang", "de");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("603 Decline: Abgelehnt\n")
                .contains("In Clearline entsteht dieser Code durch (für den Administrator):")
                .contains("callee.rejected: Von der Ablehnungsliste der angerufenen Person abgewiesen")
                .contains("  Was geschah: ").contains("  Was zu prüfen ist: ");
    }

    @Test
    void aSituationIdShowsThatSituation() {
        Result r = explain("trunk.unreachable");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("trunk.unreachable: Trunk unreachable (503 Service Unavailable), for the administrator\n")
                .contains("  Likely causes: The gateway is down")
                .endsWith("  Reference: RFC 3261 §21.5.4, §8.1.3.1\n");
        assertThat(explain("CALLEE.DND").out()).startsWith("callee.dnd: ");
    }

    @Test
    void aCodeNoSituationSendsSaysSo() {
        String out = explain("180").out();
        assertThat(out).startsWith("180 Ringing\n")
                .endsWith("No Clearline failure situation ends with this code; it is a normal step or passed on from phones and\n"
                        + "other networks.\n");
        assertThat(explain("499").out()).startsWith("499 Bad Request: Request failed\n");
    }

    @Test
    void listShowsEverySituationWithCodeAndTitle() {
        Result r = explain("--list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).hasSize(Situation.values().length + 1)
                .first().asString().matches("SITUATION +CODE +TITLE");
        assertThat(r.out()).containsPattern("\ncallee\\.call-limit +486 +The line's call limit is reached\n")
                .containsPattern("\nserver\\.internal-error +500 +Internal server error\n");
        assertThat(explain("--list", "--lang", "de").out()).containsPattern("\ncallee\\.dnd +480 +„Nicht stören“ ist eingeschaltet\n");
        assertThat(explain("--list", "--audience", "caller").out())
                .containsPattern("\ncallee\\.dnd +480 +The person you called cannot be reached right now\n");
    }

    @Test
    void unknownSubjectsAreOneLineNamingWhatIsAccepted() {
        String hint = " (codes: 100..699, situations: clearline explain --list, Call-IDs: clearline calls)";
        assertError(explain("999"), "unknown code or situation '999'" + hint);
        assertError(explain("099"), "unknown code or situation '099'" + hint);
        assertError(explain("4860"), "unknown code or situation '4860'" + hint);
        assertError(explain("callee.busy"), "unknown code or situation 'callee.busy'" + hint);
        assertError(explain("a84b24c6-call-id@host"), "unknown code or situation 'a84b24c6-call-id@host'" + hint);
    }

    @Test
    void badOptionsAndMissingArgumentsAreOneLine() {
        assertError(explain("486", "--lang", "fr"), "explain: --lang must be en or de, got 'fr'");
        assertError(explain("486", "--audience", "callee"),
                "explain: --audience must be caller, owner or admin, got 'callee'");
        assertError(explain(), "explain: give a CODE or SITUATION-ID, or --list; see 'clearline explain --help'");
        assertError(explain("486", "--list"), "explain: give either --list or a CODE|SITUATION-ID, not both");
        assertError(explain("486", "487"), "unexpected argument '487' for explain; see 'clearline explain --help'");
    }

    @Test
    void explainNeedsNoStore() {
        explain("486");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void helpNamesTheOptions() {
        Result r = explain("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: clearline explain", "--lang", "--audience", "--list", "CODE|SITUATION-ID");
    }
}
