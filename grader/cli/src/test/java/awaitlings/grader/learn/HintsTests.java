package awaitlings.grader.learn;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.SoundCourse;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("hints, one at a time, for the task that fails first")
class HintsTests {

    private static final String README = "# 01 · answer\n\n## Hints\n\n"
            + "<details><summary>Hint 1.1</summary>\n\nA nudge for task 1.\n</details>\n\n"
            + "<details><summary>Hint 1.2</summary>\n\nNearly the answer to task 1.\n</details>\n\n"
            + "<details>\n<summary>Hint 2.1</summary>\n\nA nudge for task 2.\n</details>\n";

    @TempDir
    Path work;

    @Test
    @DisplayName("the README's hints are read in order, each with its task and number")
    void readsTheReadmesHints() {
        assertThat(Hints.parse(README).all()).containsExactly(new Hints.Hint(1, 1, "A nudge for task 1."),
                new Hints.Hint(1, 2, "Nearly the answer to task 1."), new Hints.Hint(2, 1, "A nudge for task 2."));
        assertThat(Hints.parse("# no hints here\n").all()).isEmpty();
    }

    @Test
    @DisplayName("the next hint is the failing task's next one, then any left, then none")
    void nextHintFollowsTheFailingTask() {
        Hints hints = Hints.parse(README);
        assertThat(hints.next(2, Set.of())).map(Hints.Hint::id).contains("2.1");
        assertThat(hints.next(2, Set.of("2.1"))).map(Hints.Hint::id).contains("1.1");
        assertThat(hints.next(1, Set.of("1.1"))).map(Hints.Hint::id).contains("1.2");
        assertThat(hints.next(0, Set.of("1.1", "1.2", "2.1"))).isEmpty();
    }

    @Test
    @DisplayName("each call shows one more hint, and what was shown survives a restart in the clone's journal")
    void hintsAreProgressiveAcrossRestarts() throws IOException {
        Course course = SoundCourse.at(work.resolve("course"));
        CourseFixture.write(course.exercise(SoundCourse.ANSWER), "README.md", README);
        Journal.of(course.root()).record(failing(course, "task 2 · the second task"));

        assertThat(new Coach(course, Journal.of(course.root())).revealHint(SoundCourse.ANSWER))
                .startsWith("Hint 2.1 (1 of 3 for 01-answer)").contains("A nudge for task 2.");
        assertThat(new Coach(course, Journal.of(course.root())).revealHint(SoundCourse.ANSWER))
                .startsWith("Hint 1.1 (2 of 3 for 01-answer)");
        assertThat(new Coach(course, Journal.of(course.root())).revealHint(SoundCourse.ANSWER)).startsWith("Hint 1.2 (3 of 3");
        assertThat(new Coach(course, Journal.of(course.root())).revealHint(SoundCourse.ANSWER))
                .isEqualTo("You have seen all 3 hints of 01-answer: reread them in its README, or the concept section above its tasks.");
        assertThat(Journal.of(course.root()).get(SoundCourse.ANSWER).orElseThrow().hintsShown()).containsExactly("2.1", "1.1", "1.2");
    }

    @Test
    @DisplayName("a journal that cannot be read only forgets: it is never an error")
    void brokenJournalForgets() throws IOException {
        Course course = SoundCourse.at(work.resolve("course"));
        CourseFixture.write(course.root(), Journal.FILE, "{ not json");
        assertThat(Journal.of(course.root()).get(SoundCourse.ANSWER)).isEmpty();
        assertThat(new Coach(course, Journal.of(course.root())).current()).contains(SoundCourse.ANSWER);
    }

    private static ExerciseResult failing(Course course, String name) {
        Check check = new Check(SoundCourse.ANSWER, "AnswerTest.task()", name, 2, false, "");
        return new ExerciseResult(SoundCourse.ANSWER, List.of(new Verdict(check, false, "not yet")), "", false, false);
    }
}
