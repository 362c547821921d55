package awaitlings.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Mutation testing of the solutions, judged: PIT ({@code -P mutation}) changed each solution in small ways and ran its
 * visible and hidden checks on every change; a change that no check noticed is a promise that no check decides.
 * Only the changes listed in {@value EquivalentMutant#FILE}, which make no difference at all, are left out.
 */
@DisplayName("the solutions' mutation scores")
class MutationTests {

    private static final Path ROOT = Path.of(System.getProperty("awaitlings.root", "../..")).normalize().toAbsolutePath();
    private static final int THRESHOLD_PERCENT = 95;
    private static final Path REPORT = Path.of("target/pit-reports/mutations.xml");

    @Test
    @DisplayName("every equivalent mutant listed names an exercise of the course and says why it changes nothing")
    void equivalentsNameExercises() throws IOException {
        List<String> exercises = Exercise.all(ROOT).stream().map(Exercise::name).toList();
        assertThat(EquivalentMutant.readAll(ROOT))
                .allSatisfy(entry -> assertThat(exercises).as("%s names an exercise", entry).contains(entry.exercise()));
    }

    @TestFactory
    @EnabledIfSystemProperty(named = "awaitlings.mutation.check", matches = "true", disabledReason = "runs with -P mutation")
    @DisplayName("every solution's checks catch at least 95% of PIT's mutants, equivalent ones left out")
    Stream<DynamicTest> solutionsKillTheirMutants() throws IOException {
        List<EquivalentMutant> equivalents = EquivalentMutant.readAll(ROOT);
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> {
            Path report = exercise.solution().resolve(REPORT);
            assertThat(report).as("%s: PIT's report (run ./mvnw -P course,mutation verify)", exercise).exists();
            assertThat(Files.getLastModifiedTime(report))
                    .as("%s: PIT's report was written before the solution was last compiled; run PIT again", exercise)
                    .isGreaterThanOrEqualTo(newestClass(exercise.solutionClasses()));
            List<Mutant> mutants = Mutant.readAll(report);
            List<EquivalentMutant> listed = equivalents.stream().filter(e -> e.exercise().equals(exercise.name())).toList();
            for (EquivalentMutant entry : listed) {
                assertThat(mutants.stream().filter(m -> entry.names(exercise.name(), m)).toList())
                        .as("%s is listed as equivalent, so it must name a mutant that survived; mend or remove the line", entry)
                        .isNotEmpty()
                        .noneMatch(Mutant::caught);
            }
            List<Mutant> scored = mutants.stream().filter(m -> listed.stream().noneMatch(e -> e.names(exercise.name(), m))).toList();
            List<Mutant> missed = scored.stream().filter(m -> !m.caught()).toList();
            int caught = scored.size() - missed.size();
            System.out.printf("%s: %d of %d mutants caught (%d%%), %d equivalent left out%n", exercise, caught, scored.size(),
                    percent(caught, scored.size()), mutants.size() - scored.size());
            assertThat(percent(caught, scored.size()))
                    .withFailMessage("%s: the checks caught %d of %d mutants (%d%%), %d%% needed. Each of these changes to the"
                                    + " solution passed every check:%n%s%nAdd the check that catches it; or, when the change"
                                    + " makes no difference at all, list it in %s with the reason.",
                            exercise, caught, scored.size(), percent(caught, scored.size()), THRESHOLD_PERCENT,
                            missed.stream().map(m -> "    " + exercise.name() + " " + m.key() + "  (" + m.status() + ")")
                                    .collect(Collectors.joining(System.lineSeparator())),
                            EquivalentMutant.FILE)
                    .isGreaterThanOrEqualTo(THRESHOLD_PERCENT);
        }));
    }

    /** Rounded down, so that 94.9% is below 95%. */
    private static int percent(int part, int whole) {
        return whole == 0 ? 100 : part * 100 / whole;
    }

    private static FileTime newestClass(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).map(MutationTests::modified).max(Comparator.naturalOrder())
                    .orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
