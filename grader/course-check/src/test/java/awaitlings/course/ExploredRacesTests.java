package awaitlings.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import awaitlings.harness.ExploresInterleavings;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The burn-in of the explored races: every check that explores interleavings ({@link ExploresInterleavings}) runs
 * {@code -Dawaitlings.races=N} times in one JVM on the reference solution and on each variant of its exercise, and
 * must fail every time where the variant's {@code expected.txt} names it, else pass every time. Off by default: it
 * takes minutes. Under load: {@code .ci/burn-in 1 -pl grader/course-check -Dawaitlings.races=20 -Dtest=ExploredRacesTests}.
 */
@EnabledIfSystemProperty(named = "awaitlings.races", matches = "[1-9][0-9]*")
@DisplayName("the explored races, run many times")
class ExploredRacesTests {

    private static final Path ROOT = Path.of(System.getProperty("awaitlings.root", "../..")).normalize().toAbsolutePath();

    @TempDir
    Path work;

    @TestFactory
    @DisplayName("each explored check judges the reference and every variant the same way every time")
    Stream<DynamicTest> sameVerdictEveryTime() throws IOException, ClassNotFoundException {
        int times = Integer.getInteger("awaitlings.races");
        List<DynamicTest> runs = new ArrayList<>();
        for (Exercise exercise : Exercise.onThisJdk(ROOT)) {
            for (var check : exercise.checks().entrySet()) {
                Method method = check.getValue();
                if (!method.isAnnotationPresent(ExploresInterleavings.class)) {
                    continue;
                }
                runs.add(dynamicTest(exercise + " · reference · " + check.getKey(),
                        () -> judged(exercise, "reference", method, false, times, exercise.solutionClasses())));
                for (Variant variant : Variant.all(ROOT)) {
                    if (variant.exercise().equals(exercise)) {
                        runs.add(dynamicTest(variant + " · " + check.getKey(), () -> judged(exercise, variant.name(), method,
                                variant.failing().containsKey(check.getKey()), times,
                                variant.compile(Files.createDirectories(work.resolve(exercise.name()).resolve(variant.name()))))));
                    }
                }
            }
        }
        return runs.stream();
    }

    private static void judged(Exercise exercise, String answer, Method check, boolean fails, int times, Path classes) {
        List<ForkedRun.Outcome> outcomes = ForkedRun.repeat(exercise.allTestClasses(), check.getDeclaringClass().getName(),
                check.getName(), times, classes);
        long failed = outcomes.stream().filter(outcome -> outcome.status() != Status.SUCCESSFUL).count();
        System.out.printf("%s · %s · %s: failed %d of %d runs%n", exercise, answer, check.getName(), failed, outcomes.size());
        assertThat(outcomes).as("the runs of %s", check.getName()).hasSize(times);
        assertThat(failed).as("how many of %d runs of %s failed; messages: %s", times, check.getName(),
                outcomes.stream().map(ForkedRun.Outcome::message).distinct().toList()).isEqualTo(fails ? times : 0);
    }
}
