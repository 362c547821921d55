package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GradescopeReport")
class GradescopeReportTests {

    @Test
    @DisplayName("GradescopeReport · writes score, time, output and one test per check, hidden ones after_published")
    void writesTheWholeSpecShape() throws Exception {
        JsonNode expected = ResultJson.readTree("""
                {
                  "score": 6,
                  "execution_time": 12,
                  "output": "6 of 7 points.\\n\\nYou changed files that belong to the course, or brought files that would stand in for its checks. They were not used: the course's own were graded instead.\\n  exercises/01-coffee-shop/src/test/java/CoffeeShopTest.java",
                  "output_format": "text",
                  "test_output_format": "text",
                  "test_name_format": "text",
                  "tests": [
                    {"name": "01-coffee-shop › three orders brew at the same time", "tags": ["01-coffee-shop"],
                     "score": 2, "max_score": 2, "status": "passed", "output": "", "visibility": "visible", "number": "1.1"},
                    {"name": "01-coffee-shop › orders come back in the order they were placed", "tags": ["01-coffee-shop"],
                     "score": 1, "max_score": 1, "status": "passed", "output": "", "visibility": "visible", "number": "1.2"},
                    {"name": "01-coffee-shop › ten orders brew at the same time", "tags": ["01-coffee-shop", "hidden"],
                     "score": 0, "max_score": 1, "status": "failed",
                     "output": "Expecting <html> & \\"quotes\\" to stay text,\\nbut they were markup.", "visibility": "after_published", "number": "1.3"},
                    {"name": "02-future-not-value › fetch returns before the reply exists", "tags": ["02-future-not-value"],
                     "score": 2, "max_score": 2, "status": "passed", "output": "", "visibility": "visible", "number": "2.1"},
                    {"name": "02-future-not-value › a failed fetch completes the future exceptionally", "tags": ["02-future-not-value", "hidden"],
                     "score": 1, "max_score": 1, "status": "passed", "output": "", "visibility": "after_published", "number": "2.2"}
                  ]
                }
                """);

        assertThat(ResultJson.readTree(GradescopeReport.render(alice()))).isEqualTo(expected);
    }

    @Test
    @DisplayName("GradescopeReport · adds a failed check's hint to its output, says what did not compile or timed out, and gives javac's errors once")
    void explainsFailures() throws Exception {
        JsonNode report = ResultJson.readTree(GradescopeReport.render(bob()));

        assertThat(report.get("output").asText()).isEqualTo("""
                1 of 7 points.

                02-future-not-value did not compile, so none of its checks could run: its first check shows javac's errors.

                In 01-coffee-shop a check was stopped by a time limit: its message says which and why.""");
        assertThat(report.get("execution_time").asInt()).isEqualTo(4);
        assertThat(report.at("/tests/0/output").asText()).isEqualTo(SampleResults.TOO_FEW
                + "\n\nHint: Start all three orders before you wait for any of them.");
        assertThat(report.at("/tests/3/status").asText()).isEqualTo("failed");
        assertThat(report.at("/tests/3/output").asText()).isEqualTo("Your code for 02-future-not-value did not compile, so this check could not run."
                + "\n\njavac's errors:\nFutureNotValue.java:12: error: ';' expected\n        return future\n                     ^\n1 error");
        assertThat(report.at("/tests/4/output").asText()).isEqualTo("Your code for 02-future-not-value did not compile, so this check could not run."
                + " javac's errors are under this exercise's first check, \"fetch returns before the reply exists\".");
    }
}
