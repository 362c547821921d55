package awaitlings.grader.report;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static awaitlings.grader.fixture.SampleResults.carol;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gradebook")
class GradebookTests {

    @Test
    @DisplayName("Gradebook · writes a header, then one row per submission sorted by id, with scores per exercise and flags")
    void writesRows() {
        String csv = Gradebook.render(List.of(carol(), bob(), alice()), SampleResults.EXERCISES);

        assertThat(csv).isEqualTo("""
                id,total,max,01-coffee-shop,02-future-not-value,flags\r
                alice,6,7,3,3,tampered\r
                bob,1,7,1,0,compile-errors(02-future-not-value);timed-out\r
                carol,0,3,,0,compile-errors(02-future-not-value)\r
                """);
    }

    @Test
    @DisplayName("Gradebook · a cell a spreadsheet would run as a formula starts with a quote mark and stays text")
    void noFormulas() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Gradebook.quoted(formula)).as(formula).isIn("'" + formula, "\"'" + formula + "\"");
        }
        assertThat(Gradebook.quoted("alice")).isEqualTo("alice");
        assertThat(Gradebook.quoted("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    @DisplayName("Gradebook · quotes fields with commas, quotes or line breaks and doubles their quotes (RFC 4180)")
    void quotesFields() {
        Check crashing = new Check("01-a", "ATest.a()", "a", 1, false, "");
        SubmissionResult odd = new SubmissionResult("smith, \"bob\"\njr", List.of(
                new ExerciseResult("01-a", List.of(new Verdict(crashing, false, "x")), "error", true, false),
                new ExerciseResult("02-b", List.of(), "error", false, false)),
                List.of("pom.xml"), List.of(), "", Duration.ZERO);

        String csv = Gradebook.render(List.of(odd), List.of("01-a", "02-b"));

        assertThat(csv).isEqualTo("id,total,max,01-a,02-b,flags\r\n"
                + "\"smith, \"\"bob\"\"\njr\",0,1,0,0,\"tampered;compile-errors(01-a,02-b);crashed\"\r\n");
    }

    @Test
    @DisplayName("Gradebook · is just the header when there is no submission")
    void writesOnlyTheHeaderForNoSubmission() {
        assertThat(Gradebook.render(List.of(), List.of("01-a"))).isEqualTo("id,total,max,01-a,flags\r\n");
    }
}
