package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.TextCap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 4: what comes back out is bounded. A submission's messages, what it prints and javac's errors about it
 * are each capped (head and tail kept), and told once: no submission carries much out through its results, and none
 * makes a results file the grader cannot hold.
 */
@DisplayName("What comes back out is bounded")
@Timeout(300)
class BoundedOutputTests {

    @TempDir
    Path work;

    @Test
    @DisplayName("a 10 MB message, 50 MB of output and a flood of compile errors come back as a few kilobytes each")
    void everythingIsCapped() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE, "04-run-to-completion");
        Path talker = batch.attacker("talker", "", """
                byte[] line = new byte[1 << 20];
                java.util.Arrays.fill(line, (byte) 'x');
                for (int i = 0; i < 50; i++) {
                    System.out.write(line, 0, line.length);
                }
                System.out.flush();
                return "begin " + "y".repeat(10 << 20) + " end";
                """);
        // javac stops at 100 errors; long names make each one long (and the file stays under the 1 MB a file may have).
        StringBuilder errors = new StringBuilder("package awaitlings.run;\nclass Broken {\n");
        for (int i = 0; i < 1500; i++) {
            errors.append("    int field").append(i).append(" = undefined").append("X".repeat(500)).append(i).append(";\n");
        }
        Batch.write(talker.resolve("exercises/04-run-to-completion/src/main/java/awaitlings/run/Broken.java"), errors.append("}\n").toString());

        Batch.Graded graded = batch.grade();

        SubmissionResult result = graded.result("talker");
        assertThat(result.verdicts()).allSatisfy(v -> assertThat(v.message().length()).isLessThanOrEqualTo(TextCap.MESSAGE + 64));
        assertThat(graded.messages("talker")).contains("attack ran: begin yyy").contains("yyy end").containsPattern("\\[… \\d+ more characters …\\]");
        assertThat(result.output()).hasSizeLessThan(40 * 1024).containsPattern("cut \\d+ bytes");
        ExerciseResult broken = result.exercises().get(1);
        assertThat(broken.compileError()).as("%s: javac's errors", broken.exercise()).hasSizeLessThan(17 * 1024).contains("Broken.java:3: error: cannot find symbol").contains("more characters");
        assertThat(broken.verdicts()).allSatisfy(v -> assertThat(v.message()).doesNotContain("Broken.java"));
        assertThat(Files.size(graded.out().resolve("talker/awaitlings.json"))).as("the whole result").isLessThan(150 * 1024);
        assertThat(Files.size(graded.out().resolve("talker/results.json"))).isLessThan(100 * 1024);
    }
}
