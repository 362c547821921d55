package awaitlings.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import awaitlings.harness.Hint;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The course's promises about every exercise, checked on what the build compiled: solutions pass in their own
 * modules; here, every stub fails every check, and each exercise is complete and well-formed.
 */
@DisplayName("the course")
class CourseTests {

    private static final Path ROOT = Path.of(System.getProperty("awaitlings.root", "../..")).normalize().toAbsolutePath();
    private static final int MIN_VISIBLE_CHECKS = 4;
    private static final int MIN_HIDDEN_CHECKS = 2;

    @Test
    @DisplayName("has exercises")
    void hasExercises() {
        assertThat(Exercise.onThisJdk(ROOT)).as("exercises under %s", ROOT.resolve("exercises")).isNotEmpty();
    }

    @TestFactory
    @DisplayName("an exercise that needs a newer JDK is left out of this build, and said so")
    Stream<DynamicTest> newerJdkExercisesAreSkipped() {
        return Exercise.needingNewerJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> Assumptions.abort(
                String.format("%s needs JDK %d or newer, and this is JDK %d: it was not built, so none of its checks ran",
                        exercise, exercise.release(), Runtime.version().feature()))));
    }

    @TestFactory
    @DisplayName("every exercise and its solution compile for the same Java release")
    Stream<DynamicTest> sameRelease() {
        return Exercise.all(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () ->
                assertThat(exercise.solutionRelease())
                        .as("%s: the %s of solutions/%s/pom.xml (first) must be that of exercises/%s/pom.xml, or one is built"
                                + " on a JDK where the other is left out", exercise, Exercise.RELEASE, exercise, exercise)
                        .isEqualTo(exercise.release())));
    }

    @TestFactory
    @DisplayName("every stub fails every visible and hidden check")
    Stream<DynamicTest> stubsFail() {
        // Visible tests compiled against the stub prove they compile against it; all tests (compiled with the
        // solution) run against the stub's classes.
        List<Exercise> exercises = Exercise.onThisJdk(ROOT);
        List<Future<Map<String, ForkedRun.Outcome>>> runs = Ahead.start(exercises.stream()
                .<Callable<Map<String, ForkedRun.Outcome>>>mapMulti((exercise, jobs) -> {
                    jobs.accept(() -> ForkedRun.run(exercise.visibleTestClasses(), exercise.stubClasses()));
                    jobs.accept(() -> ForkedRun.run(exercise.allTestClasses(), exercise.stubClasses()));
                }).toList());
        return IntStream.range(0, exercises.size()).mapToObj(i -> dynamicTest(exercises.get(i).name(), () -> {
            Exercise exercise = exercises.get(i);
            Map<String, ForkedRun.Outcome> visible = Ahead.result(runs.get(2 * i));
            Map<String, ForkedRun.Outcome> all = Ahead.result(runs.get(2 * i + 1));
            Set<String> hidden = all.keySet().stream().filter(k -> !visible.containsKey(k)).collect(Collectors.toSet());

            assertThat(visible.size())
                    .withFailMessage("%s has %d visible checks; an exercise needs at least %d.", exercise, visible.size(), MIN_VISIBLE_CHECKS)
                    .isGreaterThanOrEqualTo(MIN_VISIBLE_CHECKS);
            assertThat(hidden.size())
                    .withFailMessage("%s has %d hidden checks; an exercise needs at least %d.", exercise, hidden.size(), MIN_HIDDEN_CHECKS)
                    .isGreaterThanOrEqualTo(MIN_HIDDEN_CHECKS);
            Set<String> passing = new java.util.TreeSet<>(notFailed(all));
            passing.addAll(notFailed(visible));
            assertThat(passing)
                    .withFailMessage("%s: these checks did not fail on the stub, so they prove nothing about a learner's work:%n    %s",
                            exercise, String.join(System.lineSeparator() + "    ", passing))
                    .isEmpty();
        }));
    }

    @TestFactory
    @DisplayName("every stub has the public API of its solution")
    Stream<DynamicTest> sameApi() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () ->
                assertThat(PublicApi.of(exercise.stubClasses()))
                        .as("%s: the stub's public API (first) must be the solution's (second), or tests written"
                                + " against one break on the other", exercise)
                        .containsExactlyElementsOf(PublicApi.of(exercise.solutionClasses()))));
    }

    @TestFactory
    @DisplayName("every check has a display name and a hint")
    Stream<DynamicTest> checksAreNamedAndHinted() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () ->
                exercise.checks().forEach((name, method) -> {
                    assertThat(method.isAnnotationPresent(DisplayName.class)).as("%s has a @DisplayName", name).isTrue();
                    assertThat(method.isAnnotationPresent(Hint.class)).as("%s has a @Hint", name).isTrue();
                })));
    }

    @TestFactory
    @DisplayName("every exercise has a README with its asyncio root, tasks, run command and hints")
    Stream<DynamicTest> readmes() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> {
            String readme = Files.readString(exercise.stub().resolve("README.md"));
            assertThat(readme).as("%s/README.md", exercise)
                    .startsWith("# " + exercise.name().substring(0, 2))
                    .contains("## Where this comes from (asyncio)", "## The Java idea", "## Your tasks", "## Hints",
                            "./mvnw test -pl exercises/" + exercise.name() + " -am");
        }));
    }

    @TestFactory
    @DisplayName("every stub marks what to change with TODO and is not already solved")
    Stream<DynamicTest> stubsMarkTodos() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> {
            assertThat(sources(exercise.stub())).as("%s: stub sources", exercise).anyMatch(s -> s.contains("// TODO:"));
            assertThat(sources(exercise.solution())).as("%s: solution sources", exercise).noneMatch(s -> s.contains("// TODO:"));
        }));
    }

    @TestFactory
    @DisplayName("given code (stub files without a TODO) is the same in the solution")
    Stream<DynamicTest> givenCodeMatches() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> {
            Path stubSources = exercise.stub().resolve("src/main/java");
            Path solutionSources = exercise.solution().resolve("src/main/java");
            try (Stream<Path> files = Files.walk(stubSources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String given = Files.readString(file);
                    if (!given.contains("// TODO:")) {
                        Path twin = solutionSources.resolve(stubSources.relativize(file));
                        assertThat(Files.exists(twin) ? Files.readString(twin) : "(missing)")
                                .as("%s: %s is given to the learner, so the solution must use it unchanged", exercise,
                                        stubSources.relativize(file))
                                .isEqualTo(given);
                    }
                }
            }
        }));
    }

    private static Set<String> notFailed(Map<String, ForkedRun.Outcome> results) {
        return results.entrySet().stream().filter(e -> e.getValue().status() != Status.FAILED)
                .map(e -> e.getKey() + " " + e.getValue().status()).collect(Collectors.toSet());
    }

    private static List<String> sources(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
