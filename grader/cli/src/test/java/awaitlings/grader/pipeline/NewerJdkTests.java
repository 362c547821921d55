package awaitlings.grader.pipeline;

import static awaitlings.grader.fixture.GradingFixture.exercise;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.report.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exercise written for a newer Java than the grader's JDK (15 and 16 need JDK 21) is reported as needing it: not
 * failed, not left out, and not counted in the points; on a JDK new enough it is graded like any other.
 */
@DisplayName("Exercises for a newer JDK")
@Timeout(300)
class NewerJdkTests {

    private static final String GRADED = "01-coffee-shop";
    private static final String NEWER = "02-future-not-value";

    @TempDir
    Path work;

    @Test
    @DisplayName("an exercise for a newer Java than the grader's is reported in every format as needing that JDK, the others graded")
    void reportedNotGraded() throws IOException {
        Course course = Batch.of(work, GRADED, NEWER).course();
        Path pom = course.exercise(NEWER).resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("</properties>", "<maven.compiler.release>99</maven.compiler.release></properties>"));
        GradingFixture fixture = GradingFixture.of(course, work);

        SubmissionResult result = fixture.grade(work, fixture.solutions(work.resolve("sources")));

        ExerciseResult newer = exercise(result, NEWER);
        assertThat(newer.needsJdk()).isEqualTo(99);
        assertThat(newer.verdicts()).as("checks of an exercise no JDK here can compile").isEmpty();
        assertThat(result.exercises()).extracting(ExerciseResult::exercise).as("course order").containsExactly(GRADED, NEWER);
        assertThat(exercise(result, GRADED).verdicts()).isNotEmpty().allMatch(Verdict::passed);
        assertThat(result.maxScore()).as("the points out of which it is scored").isEqualTo(exercise(result, GRADED).maxScore());

        Path out = work.resolve("out");
        Outputs.writeSubmission(out, result, Format.all());
        Outputs.writeSummary(out, List.of(result), List.of(GRADED, NEWER), Format.all());
        assertThat(Files.readString(out.resolve("gradebook.csv"))).contains(",needs JDK 99+,");
        assertThat(Files.readString(out.resolve("test/results.json")))
                .contains("02-future-not-value was not graded: it needs JDK 99+, and the grader ran on an older JDK.");
        assertThat(Files.readString(out.resolve("test/junit/02-future-not-value.xml")))
                .contains("skipped=\"1\"").contains("<skipped message=\"not graded: 02-future-not-value needs JDK 99+");
        assertThat(Files.readString(out.resolve("report.html"))).contains("needs JDK 99+");
        assertThat(Outputs.readFinished(out, "test")).as("read back by a later run").contains(result);
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    @DisplayName("on JDK 17, exercises 15 and 16 are reported as needing JDK 21+")
    void jdk21ExercisesOnJdk17() throws IOException {
        SubmissionResult result = GradingFixture.of(work, "14-backpressure", "15-virtual-threads", "16-task-group")
                .grade(work, Files.createDirectories(work.resolve("none")));

        assertThat(result.exercises()).filteredOn(ExerciseResult::needsNewerJdk).extracting(ExerciseResult::exercise)
                .containsExactly("15-virtual-threads", "16-task-group");
        assertThat(exercise(result, "15-virtual-threads").needsJdkText()).isEqualTo("needs JDK 21+");
        assertThat(exercise(result, "14-backpressure").verdicts()).isNotEmpty();
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    @DisplayName("on JDK 21 or newer, exercises 15 and 16 are graded: their solutions get full marks")
    void jdk21ExercisesOnJdk21() throws IOException {
        GradingFixture fixture = GradingFixture.of(work, "15-virtual-threads", "16-task-group");
        SubmissionResult result = fixture.grade(work, fixture.solutions(work.resolve("sources")));

        assertThat(result.exercises()).noneMatch(ExerciseResult::needsNewerJdk);
        assertThat(result.verdicts()).isNotEmpty().allSatisfy(v ->
                assertThat(v.passed()).as("%s › %s: %s", v.check().exercise(), v.check().name(), v.message()).isTrue());
    }
}
