package awaitlings.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Folders;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.pipeline.Grading;
import awaitlings.grader.sandbox.Permissions;
import awaitlings.grader.submission.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A graded JVM that could not start is tried once more; one that fails twice leaves its checks "could not run". */
@DisplayName("Graded JVMs")
@Timeout(120)
class GradedJvmTests {

    @TempDir
    Path work;

    @Test
    @DisplayName("a JVM that cannot start is tried once more, and the checks are graded as usual")
    void triedOnceMore() throws IOException {
        Workspace workspace = solvedWorkspace();
        Files.writeString(workspace.root().resolve("jvm-" + Batch.EXERCISE + "-1"), "in the way of the first JVM's folder");

        SubmissionResult result = grade(workspace);

        assertThat(result.verdicts()).isNotEmpty().allMatch(Verdict::passed);
    }

    @Test
    @DisplayName("a JVM that cannot start twice leaves every check of its exercise failed with why")
    void givesUpAfterTwo() throws IOException {
        Workspace workspace = solvedWorkspace();
        Files.writeString(workspace.root().resolve("jvm-" + Batch.EXERCISE + "-1"), "in the way");
        Files.writeString(workspace.root().resolve("jvm-" + Batch.EXERCISE + "-2"), "in the way");

        SubmissionResult result = grade(workspace);

        assertThat(result.verdicts()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.passed()).isFalse();
            assertThat(v.message()).startsWith("The grader could not run this check: the graded JVM ended before it ran any"
                    + " (it could not be started: ");
        });
    }

    private Workspace solvedWorkspace() throws IOException {
        Path root = Files.createDirectories(work.resolve("workspace"));
        Folders.copy(GradingFixture.COURSE.solution(Batch.EXERCISE).resolve("src/main/java"),
                root.resolve(Batch.EXERCISE).resolve("src/main/java"));
        return new Workspace("retried", root, List.of(), List.of());
    }

    private SubmissionResult grade(Workspace workspace) {
        Permissions.shareWithOthers(work);
        Course course = Batch.of(work, Batch.EXERCISE).course();
        CompiledTests tests = CompiledTests.compile(course, work.resolve("tests"), true);
        return Grading.grade(course, tests, workspace, GradingFixture.OPTIONS);
    }
}
