package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.bob;
import static awaitlings.grader.fixture.SampleResults.carol;
import static awaitlings.grader.fixture.SampleResults.dave;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClassroomReport")
class ClassroomReportTests {

    @Test
    @DisplayName("ClassroomReport · writes version 1, status, max_score and each check's status, score and message")
    void writesTheRunnerResult() throws Exception {
        JsonNode expected = ResultJson.readTree("""
                {
                  "version": 1,
                  "status": "fail",
                  "max_score": 7,
                  "tests": [
                    {"name": "01-coffee-shop › three orders brew at the same time", "status": "fail", "score": 0,
                     "message": "Expecting 3 orders in flight at once,\\nbut measured 1.\\n\\nHint: Start all three orders before you wait for any of them."},
                    {"name": "01-coffee-shop › orders come back in the order they were placed", "status": "pass", "score": 1},
                    {"name": "[hidden] 01-coffee-shop › ten orders brew at the same time", "status": "fail", "score": 0,
                     "message": "ten orders brew at the same time timed out after 10 seconds"},
                    {"name": "02-future-not-value › fetch returns before the reply exists", "status": "error", "score": 0,
                     "message": %s},
                    {"name": "[hidden] 02-future-not-value › a failed fetch completes the future exceptionally", "status": "error", "score": 0,
                     "message": %s}
                  ]
                }
                """.formatted(
                ResultJson.mapper().writeValueAsString(SampleResults.NOT_COMPILED + "\n\njavac's errors:\n" + SampleResults.DIAGNOSTICS.strip()),
                ResultJson.mapper().writeValueAsString(SampleResults.NOT_COMPILED
                        + " javac's errors are under this exercise's first check, \"fetch returns before the reply exists\".")));

        assertThat(ResultJson.readTree(ClassroomReport.render(bob()))).isEqualTo(expected);
    }

    @Test
    @DisplayName("ClassroomReport · says error when no exercise compiled and pass when every check passed")
    void saysErrorOrPass() throws Exception {
        assertThat(ResultJson.readTree(ClassroomReport.render(carol())).get("status").asText()).isEqualTo("error");
        JsonNode allPassed = ResultJson.readTree(ClassroomReport.render(dave()));
        assertThat(allPassed.get("status").asText()).isEqualTo("pass");
        assertThat(allPassed.findValuesAsText("score")).containsExactly("2", "1");
        assertThat(allPassed.get("max_score").asInt()).isEqualTo(3);
    }
}
