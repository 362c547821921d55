package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Attacks;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.sandbox.Sandbox;
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
}
