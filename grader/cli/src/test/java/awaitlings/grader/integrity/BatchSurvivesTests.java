package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Batch;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantees 6 and 7: one submission never breaks the batch, and the gradebook is safe to open in a spreadsheet.
 * Submissions named like the batch's own files or hidden, a source that crashes javac and a name that a spreadsheet
 * would run as a formula each cost themselves at most; every summary is written.
 */
@DisplayName("One submission never breaks the batch")
@Timeout(300)
class BatchSurvivesTests {

    @TempDir
    Path work;

    @Test
    @DisplayName("reserved names, a javac crash and a formula for a name cost nothing to the others, and every summary is written")
    void theBatchFinishes() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE);
        batch.solved("gradebook.csv");
        batch.solved("Report.HTML");
        batch.solved(".hidden");
        batch.solved("=HYPERLINK(\"http:x\")");
        Path crashesJavac = batch.solved("crashes-javac");
        Batch.write(crashesJavac.resolve("exercises/" + Batch.EXERCISE + "/src/main/java/awaitlings/coffee/Deep.java"),
                "package awaitlings.coffee;\nclass Deep { int x = " + "(".repeat(30_000) + "1" + ")".repeat(30_000) + "; }\n");
        batch.solved("honest");

        Batch.Graded graded = batch.grade("--jobs", "3");

        assertThat(graded.exit()).as("%s", graded).isZero();
        int full = graded.result("honest").maxScore();
        for (String id : new String[] {"honest", "gradebook.csv-2", "Report.HTML-2", "_.hidden", "=HYPERLINK(\"http:x\")"}) {
            assertThat(graded.score(id)).as("%s keeps its points", id).isEqualTo(full);
        }
        assertThat(graded.result("gradebook.csv-2").notes()).contains(
                "renamed from gradebook.csv to gradebook.csv-2: the name is taken by a file the grader writes for the whole batch");
        assertThat(graded.result("crashes-javac").exercises().get(0).compileError()).isNotEmpty();
        assertThat(graded.score("crashes-javac")).isZero();
        assertThat(graded.gradebook()).hasSize(7)
                .anySatisfy(row -> assertThat(row).startsWith("\"'=HYPERLINK(\"\"http:x\"\")\"," + full + ","))
                .anySatisfy(row -> assertThat(row).startsWith("crashes-javac,0,").contains("compile-errors(" + Batch.EXERCISE + ")"));
    }
}
