package awaitlings.grader.report;

import static awaitlings.grader.fixture.SampleResults.COFFEE;
import static awaitlings.grader.fixture.SampleResults.EXERCISES;
import static awaitlings.grader.fixture.SampleResults.FAILURE_REACHES_CALLER;
import static awaitlings.grader.fixture.SampleResults.FUTURE;
import static awaitlings.grader.fixture.SampleResults.IN_ORDER;
import static awaitlings.grader.fixture.SampleResults.RETURNS_AT_ONCE;
import static awaitlings.grader.fixture.SampleResults.TEN_AT_ONCE;
import static awaitlings.grader.fixture.SampleResults.THREE_AT_ONCE;
import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static awaitlings.grader.fixture.SampleResults.carol;
import static awaitlings.grader.fixture.SampleResults.dave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.ClassView.CheckTally;
import awaitlings.grader.report.ClassView.FlagCount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClassView")
class ClassViewTests {

    @Test
    @DisplayName("ClassView · counts per check how many of the submissions holding it passed, the most-failed first")
    void countsAndSortsTheChecks() {
        ClassView view = ClassView.of(List.of(alice(), bob(), carol(), dave()), EXERCISES);

        assertThat(view.exercises()).extracting(ClassView.ExerciseTally::exercise).containsExactly(COFFEE, FUTURE);
        // Coffee: alice and bob only. Three at once 1 of 2 and ten at once 0 of 2; in order 2 of 2.
        assertThat(view.exercises().get(0).checks()).extracting(tally -> tally.check().id(), CheckTally::passed, CheckTally::of)
                .containsExactly(tuple(TEN_AT_ONCE.id(), 0, 2), tuple(THREE_AT_ONCE.id(), 1, 2), tuple(IN_ORDER.id(), 2, 2));
        // Future: alice and dave pass both, bob and carol did not compile: a tie, kept in course order.
        assertThat(view.exercises().get(1).checks()).extracting(tally -> tally.check().id(), CheckTally::passed, CheckTally::of)
                .containsExactly(tuple(RETURNS_AT_ONCE.id(), 2, 4), tuple(FAILURE_REACHES_CALLER.id(), 2, 4));
        assertThat(view.exercises().get(1).submissions()).isEqualTo(4);
        assertThat(view.exercises().get(1).notCompiled()).isEqualTo(2);
    }

    @Test
    @DisplayName("ClassView · sorts by the share passed, not the number: 1 of 4 fails more than 1 of 2")
    void sortsByShare() {
        CheckTally oneOfTwo = new CheckTally(IN_ORDER, 1, 2);
        CheckTally oneOfFour = new CheckTally(THREE_AT_ONCE, 1, 4);
        CheckTally twoOfFour = new CheckTally(TEN_AT_ONCE, 2, 4);

        assertThat(List.of(oneOfTwo, twoOfFour, oneOfFour).stream().sorted(ClassView.MOST_FAILED_FIRST).toList())
                .containsExactly(oneOfFour, oneOfTwo, twoOfFour);
        assertThat(List.of(oneOfFour.percent(), new CheckTally(IN_ORDER, 2, 3).percent(), new CheckTally(IN_ORDER, 0, 0).percent()))
                .as("percent passed, rounded down").containsExactly(25, 66, 0);
    }

    @Test
    @DisplayName("ClassView · counts each score from 0 to the exercise's most points, a compile error as 0")
    void spreadsTheScores() {
        ClassView view = ClassView.of(List.of(alice(), bob(), carol(), dave()), EXERCISES);

        // Coffee (4 points): bob 1, alice 3. Future (3 points): bob 0, carol 0, alice 3, dave 3.
        assertThat(view.exercises().get(0).scores()).containsExactly(0, 1, 0, 1, 0);
        assertThat(view.exercises().get(1).scores()).containsExactly(2, 0, 0, 2);
    }

    @Test
    @DisplayName("ClassView · counts every kind of flag, none too, and leaves a submission it could not grade out of the checks")
    void countsFlagsAndLeavesOutTheUngraded() {
        SubmissionResult lost = SubmissionResult.notGraded("erin", Map.of(FUTURE, List.of(RETURNS_AT_ONCE, FAILURE_REACHES_CALLER)),
                "out of disk", Duration.ZERO);
        SubmissionResult later = new SubmissionResult("fay", List.of(ExerciseResult.needingJdk(FUTURE, 25)), List.of(), List.of(),
                "", Duration.ZERO);

        ClassView view = ClassView.of(List.of(alice(), bob(), carol(), lost, later), EXERCISES);

        assertThat(view.graded()).isEqualTo(4);
        assertThat(view.notGraded()).isEqualTo(1);
        assertThat(view.flags()).extracting(FlagCount::kind, FlagCount::submissions).containsExactly(
                tuple("not-graded", 1), tuple("tampered", 1), tuple("compile-errors", 2), tuple("crashed", 0), tuple("timed-out", 1));
        assertThat(view.exercises().get(1).submissions()).as("future: alice, bob, carol; not erin nor fay").isEqualTo(3);
        assertThat(view.exercises().get(1).checks()).extracting(CheckTally::of).containsOnly(3);
    }

    @Test
    @DisplayName("ClassView · an exercise no submission holds has no checks and no scores but 0")
    void emptyExercise() {
        ClassView view = ClassView.of(List.of(dave()), List.of(COFFEE));

        assertThat(view.exercises().get(0).submissions()).isZero();
        assertThat(view.exercises().get(0).checks()).isEmpty();
        assertThat(view.exercises().get(0).scores()).containsExactly(0);
    }

    @Test
    @DisplayName("ClassViewHtml · escapes a check's name that looks like markup and writes n of N with a bar")
    void rendersEscaped() {
        Check sneaky = new Check(COFFEE, "SneakyTest.x()", "<img src=x onerror=alert(1)> & \"more\"", 1, false, "");
        SubmissionResult result = new SubmissionResult("<b>id</b>", List.of(new ExerciseResult(COFFEE, List.of(
                SampleResults.passed(sneaky)), "", false, false)), List.of(), List.of(), "", Duration.ZERO);
        StringBuilder html = new StringBuilder();

        ClassViewHtml.render(html, ClassView.of(List.of(result), List.of("<i>" + COFFEE)));

        assertThat(html.toString()).contains("<h3>&lt;i&gt;01-coffee-shop</h3>").doesNotContain("<img").doesNotContain("<i>");
        ClassViewHtml.render(html, ClassView.of(List.of(result), List.of(COFFEE)));
        assertThat(html.toString()).contains("<tr class=\"tally\"><td>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;</td>"
                + "<td class=\"count\">1 of 1</td><td><span class=\"bar\" title=\"0 failed\"><span class=\"passed\" style=\"width:100%\">"
                + "</span></span></td></tr>");
    }
}
