package awaitlings.grader.report.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.ClassroomReporter;
import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code classroom.json} as GitHub Classroom's own grading reporter reads it and shows it to the student. */
@DisplayName("ClassroomReport, read by the real Classroom reporter")
class ClassroomReporterTests {

    @TempDir
    Path scratch;

    static Stream<Arguments> submissions() {
        return Stream.of(
                Arguments.of("solved", SampleResults.dave()),
                Arguments.of("partial", SampleResults.bob()),
                Arguments.of("not compiling", SampleResults.carol()),
                Arguments.of("many errors", ClassroomReportTests.manyErrors(16, 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submissions")
    @DisplayName("the reporter's points are the grader's, and every failing check's message reaches the student's log")
    void readsOurResults(String kind, SubmissionResult result) throws Exception {
        assumeTrue(ClassroomReporter.installed(), "node is not installed: the Classroom reporter cannot run");

        ClassroomReporter.Log log = ClassroomReporter.report(Map.of("awaitlings", ClassroomReport.render(result)), scratch);

        String points = result.score() + "/" + result.maxScore();
        assertThat(log.text()).as("what the reporter printed")
                .contains("::notice title=Autograding complete::Points " + points)
                .contains("Total points for awaitlings: " + result.score() + ".00/" + result.maxScore())
                .contains("Grand total tests passed: " + points)
                .doesNotContain("line undefined")
                .doesNotContain("Argument list too long");
        for (ExerciseResult exercise : result.exercises()) {
            for (Verdict verdict : exercise.verdicts()) {
                if (!verdict.passed()) {
                    // A long message reaches the log cut to its head and tail, so its head is what must be there.
                    String head = verdict.message().lines().findFirst().orElseThrow();
                    assertThat(log.text()).as("the log shows why %s failed", verdict.check().name())
                            .contains(head.substring(0, Math.min(head.length(), 30)));
                }
            }
        }
        assertThat(log.exitCode()).as("the reporter fails the step unless everything passed")
                .isEqualTo(result.score() == result.maxScore() ? 0 : 1);
    }
}
