package awaitlings.grader.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.files.Folders;
import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.report.platform.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Exercism runner tested the way Exercism's own runners are: one folder per scenario under
 * {@code exercism/} in the test resources, each with the {@code expected_results.json} the runner must write for
 * the student's files of that scenario. The files are made here from the course (its solution, its stub, each a
 * little changed), so that the goldens pin the runner's output, not a copy of the course. Run with
 * {@code -Dawaitlings.golden.update=true} to write the goldens anew after a deliberate change, then review the diff.
 */
@DisplayName("ExercismRunner")
@Timeout(120)
class ExercismRunnerTests {

    private static final Course COURSE = GradingFixture.COURSE;
    private static final String EXERCISE = "01-coffee-shop";
    private static final String SHOP = "src/main/java/awaitlings/coffee/CoffeeShop.java";
    private static final Path GOLDEN = Path.of("src/test/resources/exercism");
    /**
     * The runner's own limits, but a budget of 60 s, not the command's 12 s: these tests pin what is written, and the
     * grader's tests run two classes at once, which once took the pass case past 12 s before its first check.
     */
    private static final GradeOptions OPTIONS = new GradeOptions(true, Duration.ofSeconds(5), Duration.ofSeconds(60));

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pass", "fail", "partial", "compile-error"})
    @DisplayName("writes the expected results.json for a solved, an unsolved, a half-solved and a non-compiling exercise")
    void writesTheExpectedResults(String scenario) throws Exception {
        Path input = studentFiles(scenario);
        Path output = work.resolve("output");

        ExercismRunner.run(COURSE, "coffee-shop", input, output, OPTIONS);

        String actual = Files.readString(output.resolve("results.json"));
        Path expected = GOLDEN.resolve(scenario).resolve("expected_results.json");
        if (Boolean.getBoolean("awaitlings.golden.update")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual);
        }
        assertThat(ResultJson.readTree(actual)).as("results.json of %s against %s", scenario, expected)
                .isEqualTo(ResultJson.readTree(Files.readString(expected)));
    }

    @Test
    @DisplayName("refuses an exercise the course does not have, naming the ones it has")
    void refusesAnUnknownExercise() {
        assertThatThrownBy(() -> ExercismRunner.run(COURSE, "tea-house", work, work.resolve("out"), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no exercise \"tea-house\" in the course; known: 01-coffee-shop, ");
    }

    /** The student's exercise folder for a scenario: the solution, the stub, or one of them changed. */
    private Path studentFiles(String scenario) throws IOException {
        Path input = work.resolve("input");
        Path solution = COURSE.solution(EXERCISE).resolve("src/main");
        switch (scenario) {
            case "pass" -> Folders.copy(solution, input.resolve("src/main"));
            case "fail" -> Folders.copy(COURSE.exercise(EXERCISE).resolve("src/main"), input.resolve("src/main"));
            case "partial" -> {
                Folders.copy(solution, input.resolve("src/main"));
                edit(input.resolve(SHOP), code -> code.replace("return buzzers.stream().map(CompletableFuture::join).toList();",
                        "throw new UnsupportedOperationException(\"Implement CoffeeShop.orderAll() — task 4\");"));
            }
            case "compile-error" -> {
                Folders.copy(solution, input.resolve("src/main"));
                edit(input.resolve(SHOP), code -> code.replace("return barista.brew(drink);", "return barista.brew(drink)"));
            }
            default -> throw new IllegalArgumentException(scenario);
        }
        return input;
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file);
        String after = change.apply(before);
        assertThat(after).as("the scenario's change to %s", file.getFileName()).isNotEqualTo(before);
        Files.writeString(file, after);
    }
}
