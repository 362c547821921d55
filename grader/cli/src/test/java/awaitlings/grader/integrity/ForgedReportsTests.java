package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Attacks;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.sandbox.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 5: forging one's own results is as hard as the platform allows. The line the checks report through is
 * not reachable by name, path or the tools a JVM lends to reflection; what the learner's code prints is never read as
 * a report.
 */
@DisplayName("Forging one's own results")
@Timeout(300)
class ForgedReportsTests {

    @TempDir
    java.nio.file.Path work;

    @Test
    @DisplayName("fake report lines, the plan's socket, Unsafe, attach and file descriptors earn a stub nothing")
    void forgingEarnsNothing() {
        Batch batch = Batch.of(work, Batch.EXERCISE);
        batch.attacker("forger", Attacks.FORGE_IMPORTS, Attacks.FORGE);
        batch.stub("honest-stub");

        Batch.Graded graded = batch.grade();

        assertThat(graded.messages("forger")).contains("attack ran:").doesNotContain("attack failed")
                .contains(" the channel is closed", " no Unsafe", " no attach API")
                .doesNotContain("connected to the channel").doesNotContain("static field");
        if (Sandbox.detected().isolated()) {
            assertThat(graded.messages("forger")).contains(" no file descriptors to see");
        }
        assertThat(graded.score("forger")).isZero();
        assertThat(graded.score("honest-stub")).isZero();
    }

    @Test
    @DisplayName("code that reaches for the explorer's agent is never run beside it: its race check fails with the rule it breaks")
    void theExplorersAgentStaysOutOfReach() {
        String exercise = "02-future-not-value";
        Batch batch = Batch.of(work, exercise);
        batch.solved("honest");
        Path lazyTask = batch.solved("reacher").resolve("exercises").resolve(exercise).resolve("src/main/java/awaitlings/futures/LazyTask.java");
        // Through a subclass, so that the call does not name Thread: the rule judges it as Thread's.
        Batch.edit(lazyTask, code -> code.replace("    public synchronized CompletableFuture<T> start() {", """
                    static class Reacher extends Thread {
                        Object agent() throws Exception {
                            return getContextClassLoader().loadClass("net.bytebuddy.agent.Installer").getMethod("getInstrumentation").invoke(null);
                        }
                    }

                    public synchronized CompletableFuture<T> start() {
                        try {
                            new Reacher().agent();
                        } catch (Throwable outOfReach) {
                            // Beside the plain checks there is no agent to reach: they judge the rest as usual.
                        }"""));

        Batch.Graded graded = batch.grade();

        Verdict honest = raceCheck(graded, "honest");
        Verdict reacher = raceCheck(graded, "reacher");
        assertThat(honest.passed()).as("the race check of the reference; %s", graded).isTrue();
        assertThat(reacher.passed()).isFalse();
        assertThat(reacher.message()).contains("no code of yours should reach past the plain Java API")
                .contains("LazyTask$Reacher.getContextClassLoader()");
        assertThat(graded.score("reacher")).isEqualTo(graded.score("honest") - honest.score());
    }

    private static Verdict raceCheck(Batch.Graded graded, String id) {
        return graded.result(id).verdicts().stream()
                .filter(verdict -> verdict.check().id().equals("FutureNotValueHiddenTest.startFromTwoThreadsRunsTheWorkOnce()"))
                .findFirst().orElseThrow();
    }
}
