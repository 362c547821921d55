package awaitlings.grader.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.fixture.Attacks;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.sandbox.Permissions;
import awaitlings.grader.sandbox.Sandbox;
import awaitlings.grader.submission.Overlay;
import awaitlings.grader.submission.Submission;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 8: plain mode is honest. Without the sandbox the graded code runs as the grader's own user; every
 * guarantee that needs no root still holds (the checks' own classes win, forging fails, output is capped, each
 * submission has tests of its own to spoil), and every result says plainly what is missing.
 */
@DisplayName("Grading without the sandbox")
@Timeout(300)
class PlainModeTests {

    private static final Sandbox PLAIN = Sandbox.plain("The graded code ran with no sandbox: this test asked for none.");

    @TempDir
    Path work;

    private Batch batch;
    private CompiledTests tests;

    @BeforeEach
    void compileTheCourse() {
        Permissions.shareWithOthers(work);
        batch = Batch.of(work, Batch.EXERCISE);
        tests = CompiledTests.compile(batch.course(), work.resolve("tests"), true);
    }

    @Test
    @DisplayName("a submission that spoils the test classes it can write spoils only its own copy; the note says what is missing")
    void spoilsOnlyItsOwnCopy() {
        batch.attacker("spoiler", "import java.nio.file.*; import java.util.stream.*;", """
                Path tests = Path.of(Class.forName("awaitlings.coffee.CoffeeShopTest", false, Attack.class.getClassLoader())
                        .getProtectionDomain().getCodeSource().getLocation().toURI());
                int spoiled = 0;
                try (Stream<Path> classes = Files.walk(tests)) {
                    for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                        file.toFile().setWritable(true);
                        file.getParent().toFile().setWritable(true);
                        Files.write(file, new byte[] {0});
                        spoiled++;
                    }
                }
                return "spoiled " + spoiled + " test classes";
                """);
        Path solved = batch.solved("honest");

        SubmissionResult spoiler = grade("spoiler");
        SubmissionResult honest = grade("honest");

        assertThat(spoiler.notes()).contains("The graded code ran with no sandbox: this test asked for none. Submissions graded"
                + " this way can read each other's files and the instructor's, reach the network, and affect one another while they run.");
        assertThat(spoiler.verdicts().stream().map(v -> v.message())).anyMatch(m -> m.contains("attack ran: spoiled "));
        assertThat(spoiler.score()).isZero();
        assertThat(honest.score()).as("graded after the spoiler, with the batch's tests").isEqualTo(honest.maxScore());
        assertThat(solved).exists();
    }

    @Test
    @DisplayName("forging fails and look-alike checks are dropped without the sandbox too")
    void integrityWithoutRoot() {
        batch.attacker("forger", Attacks.FORGE_IMPORTS, Attacks.FORGE);
        Path lookAlike = batch.stub("look-alike");
        Batch.write(lookAlike.resolve("exercises/" + Batch.EXERCISE + "/src/main/java/awaitlings/coffee/CoffeeShopTest.java"),
                "package awaitlings.coffee;\nclass CoffeeShopTest { }\n");

        SubmissionResult forger = grade("forger");
        SubmissionResult shadow = grade("look-alike");

        assertThat(String.join("\n", forger.verdicts().stream().map(v -> v.message()).toList()))
                .contains(" the channel is closed", " no Unsafe", " no attach API").doesNotContain("connected to the channel");
        assertThat(forger.score()).isZero();
        assertThat(shadow.tampered()).singleElement().asString().contains("declares awaitlings.coffee.CoffeeShopTest");
        assertThat(shadow.score()).isZero();
    }

    private SubmissionResult grade(String id) {
        Path clone = batch.course().root().getParent().resolve("batch").resolve(id);
        return Grading.grade(batch.course(), tests,
                Overlay.prepare(batch.course(), new Submission(id, clone), work.resolve("work").resolve(id)), GradingFixture.OPTIONS, PLAIN);
    }
}
