package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static awaitlings.grader.fixture.SampleResults.carol;
import static awaitlings.grader.fixture.SampleResults.dave;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ExercismReport")
class ExercismReportTests {

    @Test
    @DisplayName("ExercismReport · writes version 3, fail, a null message and the checks in course order, hidden ones marked")
    void writesAFailedSubmission() throws Exception {
        JsonNode expected = ResultJson.readTree("""
                {
                  "version": 3,
                  "status": "fail",
                  "message": null,
                  "tests": [
                    {"name": "01-coffee-shop › three orders brew at the same time", "status": "pass"},
                    {"name": "01-coffee-shop › orders come back in the order they were placed", "status": "pass"},
                    {"name": "[hidden] 01-coffee-shop › ten orders brew at the same time", "status": "fail",
                     "message": "Expecting <html> & \\"quotes\\" to stay text,\\nbut they were markup."},
                    {"name": "02-future-not-value › fetch returns before the reply exists", "status": "pass"},
                    {"name": "[hidden] 02-future-not-value › a failed fetch completes the future exceptionally", "status": "pass"}
                  ]
                }
                """);

        assertThat(ResultJson.readTree(ExercismReport.render(alice()))).isEqualTo(expected);
    }

    @Test
    @DisplayName("ExercismReport · marks the checks of an exercise that did not compile as error, the submission as fail")
    void marksNotCompiledChecksAsErrors() throws Exception {
        JsonNode report = ResultJson.readTree(ExercismReport.render(bob()));

        assertThat(report.get("status").asText()).isEqualTo("fail");
        assertThat(report.findValuesAsText("status")).containsExactly("fail", "fail", "pass", "fail", "error", "error");
        assertThat(report.at("/tests/3/message").asText()).as("javac's errors, told once, with the exercise's first check")
                .isEqualTo(SampleResults.NOT_COMPILED + "\n\njavac's errors:\n" + SampleResults.DIAGNOSTICS.strip());
        assertThat(report.at("/tests/4/message").asText()).isEqualTo(SampleResults.NOT_COMPILED
                + " javac's errors are under this exercise's first check, \"fetch returns before the reply exists\".");
    }

    @Test
    @DisplayName("ExercismReport · says error with javac's diagnostics when no exercise compiled, pass when all passed")
    void saysErrorOrPass() throws Exception {
        JsonNode nothingRan = ResultJson.readTree(ExercismReport.render(carol()));
        JsonNode allPassed = ResultJson.readTree(ExercismReport.render(dave()));

        assertThat(nothingRan.get("status").asText()).isEqualTo("error");
        assertThat(nothingRan.get("message").asText()).isEqualTo("02-future-not-value did not compile:\n"
                + SampleResults.DIAGNOSTICS.strip());
        assertThat(allPassed.get("status").asText()).isEqualTo("pass");
        assertThat(allPassed.get("message").isNull()).isTrue();
    }

    @Test
    @DisplayName("ExercismReport · for one exercise: plain names, the test code it is given, and the task a check names")
    void writesOneExercise() throws Exception {
        Check task = new Check("01-coffee-shop", "CoffeeShopTest.a()", "task 3 · the buzzer goes off once", 1, false, "");
        Check other = new Check("01-coffee-shop", "CoffeeShopHiddenTest.b()", "ten orders brew at once", 1, true, "");
        SubmissionResult result = new SubmissionResult("s", List.of(new ExerciseResult("01-coffee-shop",
                List.of(SampleResults.passed(task), new Verdict(other, false, "too slow")), "", false, false)),
                List.of(), List.of(), "", Duration.ZERO);

        JsonNode report = ResultJson.readTree(ExercismReport.renderExercise(result, check -> check.hidden() ? "" : "void a() {}"));

        assertThat(report.get("tests")).isEqualTo(ResultJson.readTree("""
                [{"name": "task 3 · the buzzer goes off once", "status": "pass", "test_code": "void a() {}", "task_id": 3},
                 {"name": "[hidden] ten orders brew at once", "status": "fail", "message": "too slow"}]
                """));
    }
}
