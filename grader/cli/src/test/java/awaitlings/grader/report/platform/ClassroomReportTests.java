package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.bob;
import static awaitlings.grader.fixture.SampleResults.carol;
import static awaitlings.grader.fixture.SampleResults.dave;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.TextCap;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClassroomReport")
class ClassroomReportTests {

    private static final String COFFEE_TEST = "exercises/01-coffee-shop/src/test/java/awaitlings/coffee/CoffeeShopTest.java";
    private static final String COFFEE_HIDDEN = "solutions/01-coffee-shop/src/test/java/awaitlings/coffee/CoffeeShopHiddenTest.java";
    private static final String FUTURE_TEST = "exercises/02-future-not-value/src/test/java/awaitlings/future/FutureNotValueTest.java";
    private static final String FUTURE_HIDDEN = "solutions/02-future-not-value/src/test/java/awaitlings/future/FutureNotValueHiddenTest.java";

    @Test
    @DisplayName("ClassroomReport · writes one test per point, with file, line, duration, a failure's text in test_code, an error's in message")
    void writesTheRunnerResult() throws Exception {
        String tooFew = SampleResults.TOO_FEW + "\n\nHint: Start all three orders before you wait for any of them.";
        String javac = SampleResults.NOT_COMPILED + "\n\njavac's errors:\n" + SampleResults.DIAGNOSTICS.strip();
        String pointer = SampleResults.NOT_COMPILED + " javac's errors are under this exercise's first check, \"fetch returns before the reply exists\".";
        JsonNode expected = ResultJson.readTree("""
                {
                  "version": 1,
                  "status": "fail",
                  "max_score": 7,
                  "tests": [
                    {"name": "01-coffee-shop › three orders brew at the same time · point 1 of 2", "status": "fail", "score": 0,
                     "filename": "%1$s", "line_no": 41, "duration": 1250,
                     "test_code": %5$s},
                    {"name": "01-coffee-shop › three orders brew at the same time · point 2 of 2", "status": "fail", "score": 0,
                     "line_no": 41},
                    {"name": "01-coffee-shop › orders come back in the order they were placed", "status": "pass", "score": 1,
                     "filename": "%1$s", "line_no": 58, "duration": 125},
                    {"name": "[hidden] 01-coffee-shop › ten orders brew at the same time", "status": "fail", "score": 0,
                     "filename": "%2$s", "line_no": 17, "duration": 0,
                     "test_code": %6$s},
                    {"name": "02-future-not-value › fetch returns before the reply exists · point 1 of 2", "status": "error", "score": 0,
                     "filename": "%3$s", "line_no": 23, "duration": 0, "message": %7$s},
                    {"name": "02-future-not-value › fetch returns before the reply exists · point 2 of 2", "status": "error", "score": 0,
                     "line_no": 23},
                    {"name": "[hidden] 02-future-not-value › a failed fetch completes the future exceptionally", "status": "error", "score": 0,
                     "filename": "%4$s", "line_no": 30, "duration": 0, "message": %8$s}
                  ]
                }
                """.formatted(COFFEE_TEST, COFFEE_HIDDEN, FUTURE_TEST, FUTURE_HIDDEN,
                json("CoffeeShopTest.java:41 · CoffeeShopTest.threeOrdersBrewAtOnce()\n\n" + tooFew),
                json("CoffeeShopHiddenTest.java:17 · CoffeeShopHiddenTest.tenOrdersBrewAtOnce()\n\n" + SampleResults.TIMED_OUT),
                json("02-future-not-value › fetch returns before the reply exists: " + javac),
                json("[hidden] 02-future-not-value › a failed fetch completes the future exceptionally: " + pointer)));

        assertThat(ResultJson.readTree(ClassroomReport.render(bob()))).isEqualTo(expected);
    }

    @Test
    @DisplayName("ClassroomReport · says error when no exercise compiled and pass when every check passed")
    void saysErrorOrPass() throws Exception {
        assertThat(ResultJson.readTree(ClassroomReport.render(carol())).get("status").asText()).isEqualTo("error");
        JsonNode allPassed = ResultJson.readTree(ClassroomReport.render(dave()));
        assertThat(allPassed.get("status").asText()).isEqualTo("pass");
        assertThat(allPassed.findValuesAsText("score")).containsExactly("1", "1", "1");
        assertThat(allPassed.get("max_score").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("ClassroomReport · stays under 90 KiB however much the checks said, cutting messages rather than checks")
    void staysUnderTheLimit() throws Exception {
        SubmissionResult likeTheCourse = manyErrors(16, 9);
        // Twice the course's points is about what one runner can carry: a bigger course needs a runner per exercise.
        SubmissionResult twiceAsBig = manyErrors(32, 9);

        String json = ClassroomReport.render(likeTheCourse);
        String biggest = ClassroomReport.render(twiceAsBig);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ClassroomReport.MAX_BYTES);
        assertThat(biggest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ClassroomReport.MAX_BYTES);
        JsonNode tests = ResultJson.readTree(json).get("tests");
        assertThat(tests).hasSize(likeTheCourse.maxScore());
        assertThat(tests.get(0).get("message").asText()).startsWith("01-exercise › task 1 · a check whose sentence is long")
                .contains(": Your code for 01-exercise did not compile").contains("more characters");
        assertThat(tests.get(40).has("message")).as("a failure's text is told once, in its test_code").isFalse();
        assertThat(tests.get(40).get("test_code").asText()).startsWith("ExerciseTest.java:").contains("Expecting every call");
        assertThat(ResultJson.readTree(biggest).get("tests")).as("every point still there").hasSize(twiceAsBig.maxScore());
    }

    /**
     * Failures as big as they come, in {@code count} exercises of {@code checks} checks (worth one point and two in
     * turn), with long names and paths: the first exercise did not compile (16 KiB of javac's errors), every other
     * check failed with a message as long as a message may be. Sixteen of nine is the size of the course.
     */
    static SubmissionResult manyErrors(int count, int checks) {
        List<ExerciseResult> exercises = IntStream.rangeClosed(1, count).mapToObj(n -> {
            String exercise = String.format("%02d-exercise", n);
            String file = "solutions/" + exercise + "/src/test/java/awaitlings/exercise" + n + "/ExerciseTest.java";
            String why = n == 1 ? "Your code for " + exercise + " did not compile, so this check could not run."
                    : "Expecting every call to run at the same time, " + "but they ran one after another. ".repeat(200);
            List<Verdict> verdicts = IntStream.rangeClosed(1, checks).mapToObj(c -> new Verdict(
                    new Check(exercise, "ExerciseTest.check" + c + "()", "task " + c + " · " + "a check whose sentence is long ".repeat(3),
                            1 + c % 2, c > 6, "", "awaitlings.exercise" + n + ".ExerciseTest", file, 20 * c), false,
                    TextCap.cut(why, TextCap.MESSAGE))).toList();
            String errors = n == 1 ? ("Ex.java:3: error: cannot find symbol\n  symbol: variable executr\n").repeat(300).substring(0, 16 * 1024) : "";
            return new ExerciseResult(exercise, verdicts, errors, false, false);
        }).toList();
        return new SubmissionResult("many-errors", exercises, List.of(), List.of(), "", Duration.ofSeconds(30));
    }

    private static String json(String text) throws Exception {
        return ResultJson.mapper().writeValueAsString(text);
    }
}
