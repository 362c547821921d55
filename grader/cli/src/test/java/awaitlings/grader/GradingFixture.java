package awaitlings.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/** The real course, its tests compiled once per test JVM, and submissions made from its solutions with one change. */
final class GradingFixture {

    static final Course COURSE = Course.at(Path.of(System.getProperty("awaitlings.root", "../..")));
    /** A short per-check limit keeps the checks that hang on purpose cheap; the budget is never reached. */
    static final GradeOptions OPTIONS = new GradeOptions(true, Duration.ofSeconds(3), Duration.ofMinutes(4));
    private static CompiledTests tests;

    private GradingFixture() {
    }

    /** The course's visible and hidden tests, compiled on first use into a folder deleted when the JVM ends. */
    static synchronized CompiledTests tests() {
        if (tests == null) {
            try {
                Path dir = Folders.newScratch("awaitlings-grading-tests-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Folders.delete(dir);
                    } catch (IOException ignored) {
                        // A leftover temporary folder is harmless.
                    }
                }));
                tests = CompiledTests.compile(COURSE, dir.resolve("tests"), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tests;
    }

    /** Grades the sources in {@code sources} ({@code <exercise>/...java}); an exercise without a folder is the stub. */
    static SubmissionResult grade(Path work, Path sources) throws IOException {
        Permissions.shareWithOthers(work);
        Path root = Files.createDirectories(work.resolve("workspace"));
        try (Stream<Path> exercises = Files.list(sources)) {
            for (Path exercise : exercises.toList()) {
                Folders.copy(exercise, root.resolve(exercise.getFileName()).resolve("src/main/java"));
            }
        }
        SubmissionResult result = Grading.grade(COURSE, tests(), new Workspace("test", root, List.of(), List.of()), OPTIONS);
        assertThat(result.verdicts()).as("checks cut off by the submission's time budget")
                .noneMatch(v -> v.message().contains("time budget"));
        assertValidFiles(work.resolve("results"), result);
        return result;
    }

    /** Writes every format of {@code result} and reads each file back: whatever the submission did, they parse. */
    private static void assertValidFiles(Path out, SubmissionResult result) throws IOException {
        Outputs.writeSubmission(out, result, Format.all());
        Path dir = out.resolve(result.id());
        for (String json : List.of("results.json", "exercism.json", "classroom.json", "awaitlings.json")) {
            assertThat(new ObjectMapper().readTree(dir.resolve(json).toFile()).isObject()).as(json).isTrue();
        }
        try (Stream<Path> xml = Files.list(dir.resolve("junit"))) {
            for (Path file : xml.toList()) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new AssertionError("invalid JUnit XML for " + result.id(), e);
        }
    }

    /** Every exercise's solution sources, as {@code <exercise>/...java} in a folder of their own. */
    static Path solutions(Path work) throws IOException {
        Path out = Files.createDirectories(work.resolve("solutions"));
        for (String exercise : COURSE.exercises()) {
            Folders.copy(COURSE.solution(exercise).resolve("src/main/java"), out.resolve(exercise));
        }
        return out;
    }

    static void edit(Path sources, String exercise, String file, UnaryOperator<String> change) throws IOException {
        try (Stream<Path> files = Files.walk(sources.resolve(exercise))) {
            Path target = files.filter(f -> f.getFileName().toString().equals(file)).findFirst().orElseThrow();
            String before = Files.readString(target);
            String after = change.apply(before);
            assertThat(after).as("the edit of %s changed it", file).isNotEqualTo(before);
            Files.writeString(target, after);
        }
    }

    static ExerciseResult exercise(SubmissionResult result, String name) {
        return result.exercises().stream().filter(e -> e.exercise().equals(name)).findFirst().orElseThrow();
    }

    /** The verdicts of every exercise but {@code name}: a change to one exercise must leave these all passed. */
    static List<Verdict> otherThan(SubmissionResult result, String name) {
        return result.exercises().stream().filter(e -> !e.exercise().equals(name)).flatMap(e -> e.verdicts().stream()).toList();
    }
}
