package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.fixture.ZipFixture;
import awaitlings.grader.model.Course;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole command on a batch of hostile submissions that try to change what is graded: an edited visible test,
 * an edited pom, and a zip with an entry that escapes its folder and a link. Each is graded as if the change were
 * not there, the change is reported, and every result file is valid.
 */
@DisplayName("grade on a batch that tampers with the course")
class BatchGradingTests {

    private static final Course COURSE = GradingFixture.COURSE;
    private static final String VISIBLE_TEST = "exercises/01-coffee-shop/src/test/java/awaitlings/coffee/CoffeeShopTest.java";

    @TempDir
    Path work;

    @Test
    @Timeout(600)
    @DisplayName("an edited test, an edited pom and a zip escaping its folder are graded as if unchanged, and reported")
    void tamperingChangesNothing() throws IOException {
        Path batch = Files.createDirectories(work.resolve("batch"));
        Path testEdited = Files.createDirectories(batch.resolve("test-edited"));
        Files.createDirectories(testEdited.resolve("exercises"));
        write(testEdited, VISIBLE_TEST, "package awaitlings.coffee;\nclass CoffeeShopTest { @org.junit.jupiter.api.Test void passes() { } }\n");
        Path pomEdited = solved(batch.resolve("pom-edited"));
        write(pomEdited, "pom.xml", Files.readString(COURSE.root().resolve("pom.xml")).replace("<modules>", "<!-- skip everything --><modules>"));
        Path zipped = solved(work.resolve("zipped"));
        ZipFixture.zip().tree(zipped, "")
                .file("../escaped.txt", "outside")
                .link("exercises/02-future-not-value/src/main/java/awaitlings/futures/Secret.java", "/etc/passwd")
                .writeTo(batch.resolve("zip-escape.zip"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path results = work.resolve("results");
        int exit = Grader.commandLine(CommandLine.defaultFactory()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("grade", batch.toString(), "--out", results.toString(), "--course", COURSE.root().toString(), "--jobs", "2");

        assertThat(exit).as("exit code; stdout: %s stderr: %s", out, err).isZero();
        assertThat(work.resolve("escaped.txt")).doesNotExist();
        assertThat(batch.resolve("escaped.txt")).doesNotExist();

        JsonNode testEditedResult = gradescope(results, "test-edited");
        assertThat(testEditedResult.path("score").asInt()).as("the stub, graded with the course's own tests").isZero();
        assertThat(testEditedResult.path("tests")).hasSizeGreaterThanOrEqualTo(50);
        assertThat(testEditedResult.path("output").asText()).contains(VISIBLE_TEST);

        int full = gradescope(results, "zip-escape").path("tests").size();
        JsonNode pomEditedResult = gradescope(results, "pom-edited");
        assertThat(pomEditedResult.path("tests")).hasSize(full);
        assertThat(pomEditedResult.path("score").asInt()).as("score; checks short of full marks: %s", shortOfFull(pomEditedResult))
                .isPositive().isEqualTo(maxScore(pomEditedResult));
        assertThat(pomEditedResult.path("output").asText()).contains("pom.xml");

        JsonNode zipResult = gradescope(results, "zip-escape");
        assertThat(zipResult.path("score").asInt()).as("score; checks short of full marks: %s", shortOfFull(zipResult))
                .isEqualTo(maxScore(zipResult));
        assertThat(Files.readString(results.resolve("zip-escape/awaitlings.json")))
                .contains("../escaped.txt").contains("Secret.java");

        assertThat(Files.readAllLines(results.resolve("gradebook.csv"))).hasSize(4)
                .anySatisfy(row -> assertThat(row).startsWith("pom-edited,").contains("tampered"))
                .anySatisfy(row -> assertThat(row).startsWith("test-edited,0,").contains("tampered"));
        for (String id : new String[] {"test-edited", "pom-edited", "zip-escape"}) {
            for (String file : new String[] {"results.json", "exercism.json", "classroom.json", "awaitlings.json"}) {
                new ObjectMapper().readTree(results.resolve(id).resolve(file).toFile());
            }
        }
    }

    /** A course clone whose exercises hold the reference solutions. */
    private static Path solved(Path clone) throws IOException {
        for (String exercise : COURSE.exercises()) {
            Path from = COURSE.solution(exercise).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path source : walk.filter(Files::isRegularFile).toList()) {
                    write(clone, "exercises/" + exercise + "/src/main/java/" + from.relativize(source), Files.readString(source));
                }
            }
        }
        return clone;
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static JsonNode gradescope(Path results, String id) throws IOException {
        return new ObjectMapper().readTree(results.resolve(id).resolve("results.json").toFile());
    }

    /** The checks of a Gradescope result that did not get full marks, with what they said, for a failure's message. */
    private static String shortOfFull(JsonNode gradescope) {
        StringBuilder found = new StringBuilder();
        for (JsonNode test : gradescope.path("tests")) {
            if (test.path("score").asInt() < test.path("max_score").asInt()) {
                found.append("\n").append(test.path("name").asText()).append(": ").append(test.path("output").asText());
            }
        }
        return found.toString();
    }

    private static int maxScore(JsonNode gradescope) {
        int max = 0;
        for (JsonNode test : gradescope.path("tests")) {
            max += test.path("max_score").asInt();
        }
        return max;
    }
}
