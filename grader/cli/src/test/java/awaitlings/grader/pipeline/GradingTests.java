package awaitlings.grader.pipeline;

import static awaitlings.grader.fixture.GradingFixture.edit;
import static awaitlings.grader.fixture.GradingFixture.exercise;
import static awaitlings.grader.fixture.GradingFixture.otherThan;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.CallBar;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading the course's own solutions, and solutions with an exercise that does not compile. (That every stub fails
 * every check is proven by {@code grader verify}, run on the packaged grader in VerifyIT.)
 */
@DisplayName("Grading")
@Timeout(300)
class GradingTests {

    @TempDir
    Path work;

    @Test
    @DisplayName("the course's solutions get full marks, hidden checks included; each check knows its class, file, line and time")
    void solutionsGetFullMarks() throws IOException {
        SubmissionResult result = grade(solutions());

        assertThat(result.verdicts()).as("checks").hasSizeGreaterThanOrEqualTo(50).allSatisfy(v ->
                assertThat(v.passed()).as("%s › %s: %s", v.check().exercise(), v.check().name(), v.message()).isTrue());
        assertThat(result.score()).isEqualTo(result.maxScore());
        assertThat(result.verdicts()).anyMatch(v -> v.check().hidden()).anyMatch(v -> !v.check().hidden());
        // One grading of the whole course is costly: the same run shows what each check knows of itself.
        assertThat(result.verdicts()).allSatisfy(v -> {
            Check check = v.check();
            assertThat(check.testClass()).as(check.id()).endsWith("." + check.id().substring(0, check.id().indexOf('.')));
            Path file = GradingFixture.COURSE.root().resolve(check.file());
            assertThat(file).as(check.id()).isRegularFile();
            String method = check.id().substring(check.id().indexOf('.') + 1, check.id().indexOf('('));
            assertThat(Files.readAllLines(file).get(check.line() - 1)).as("%s at %s:%d", check.id(), check.file(), check.line())
                    .contains("void " + method + "(");
            assertThat(check.file()).startsWith(check.hidden() ? "solutions/" + check.exercise() : "exercises/" + check.exercise());
        });
        assertThat(result.verdicts()).as("checks that ran for a measurable time").anyMatch(v -> v.time().toMillis() > 0);
    }

    @Test
    @DisplayName("an exercise that does not compile loses only its own checks, and javac's diagnostics are told once")
    void compileErrorCostsOneExercise() throws IOException {
        SubmissionResult result = gradeEdited("01-coffee-shop", "CoffeeShop.java",
                code -> code.replace("return barista.brew(drink);", "return barista.brew(drink)"));

        ExerciseResult broken = exercise(result, "01-coffee-shop");
        assertThat(broken.compileError()).contains("CoffeeShop.java").contains("error:");
        assertThat(broken.verdicts()).as("javac's errors are the exercise's, not repeated in every check").isNotEmpty().allSatisfy(v -> {
            assertThat(v.passed()).isFalse();
            assertThat(v.message()).isEqualTo("Your code for 01-coffee-shop did not compile, so this check could not run.");
        });
        assertThat(otherThan(result, "01-coffee-shop")).allSatisfy(v -> assertThat(v.passed()).as(v.check().id()).isTrue());
    }

    @Test
    @DisplayName("a check that leaves a thread running fails with the leak's own words and hint, not its task's")
    void leakHasItsOwnHint() throws IOException {
        SubmissionResult result = gradeEdited("01-coffee-shop", "CoffeeShop.java", code -> code.replace("public Coffee orderAndWait(String drink) {",
                "public Coffee orderAndWait(String drink) {\n        new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } },"
                        + " \"forgotten\").start();"));

        List<Verdict> leaked = exercise(result, "01-coffee-shop").verdicts().stream().filter(v -> !v.passed()).toList();
        assertThat(leaked).isNotEmpty().allSatisfy(v -> {
            assertThat(v.message()).startsWith("Expecting every thread started during this check to be gone when it was over,")
                    .contains("\"forgotten\"");
            assertThat(v.hint()).startsWith("Shut down every executor and close every event loop your code creates")
                    .isNotEqualTo(v.check().hint());
        });
    }

    @Test
    @DisplayName("a failed check's verdict carries the calls of the timeline its message drew, and a passed one none")
    void failedCheckCarriesItsTimeline() throws IOException {
        SubmissionResult result = gradeEdited("01-coffee-shop", "CoffeeShop.java", code -> code
                .replace("List<CompletableFuture<Coffee>> buzzers = drinks.stream().map(this::orderWithBuzzer).toList();", "")
                .replace("return buzzers.stream().map(CompletableFuture::join).toList();",
                        "return drinks.stream().map(this::orderWithBuzzer).map(CompletableFuture::join).toList();"));

        Verdict oneAtATime = exercise(result, "01-coffee-shop").verdicts().stream()
                .filter(v -> v.check().id().equals("CoffeeShopTest.orderAllBrewsTheRoundAtTheSameTime()")).findFirst().orElseThrow();
        assertThat(oneAtATime.passed()).isFalse();
        assertThat(oneAtATime.message()).contains("Timeline:");
        assertThat(oneAtATime.timeline()).extracting(CallBar::label).containsExactly("latte", "mocha", "tea");
        assertThat(oneAtATime.timeline()).allMatch(bar -> bar.ending().equals("returned") && bar.thread().startsWith("counter-staff"));
        assertThat(oneAtATime.timeline().get(1).start()).as("the mocha started after the latte ended")
                .isGreaterThanOrEqualTo(oneAtATime.timeline().get(0).end());
        assertThat(exercise(result, "01-coffee-shop").verdicts()).filteredOn(Verdict::passed).isNotEmpty()
                .allMatch(v -> v.timeline().isEmpty());
    }

    private SubmissionResult grade(Path sources) throws IOException {
        return GradingFixture.wholeCourse().grade(work, sources);
    }

    private Path solutions() throws IOException {
        return GradingFixture.wholeCourse().solutions(work);
    }

    /** Grades the solution of {@code exercise}, changed, beside one other exercise: quicker than the whole course. */
    private SubmissionResult gradeEdited(String exercise, String file, UnaryOperator<String> change) throws IOException {
        GradingFixture part = GradingFixture.of(work, exercise, "04-run-to-completion");
        Path submission = part.solutions(work);
        edit(submission, exercise, file, change);
        return part.grade(work, submission);
    }
}
