package awaitlings.grader.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.command.Grader;
import awaitlings.grader.files.Folders;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.report.platform.ResultJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Gradescope package run as Gradescope runs it: the zip {@code package gradescope} writes, unpacked into
 * {@code /autograder/source} of a folder laid out as Gradescope lays one out, the grader.jar that {@code setup.sh}
 * builds (the one this build just packaged) beside it, the upload in {@code submission/}, and {@code run_autograder}
 * run with its root moved here by {@code AUTOGRADER_ROOT}.
 */
@DisplayName("the Gradescope package, run as Gradescope runs it")
@Timeout(600)
class GradescopeIT {

    private static final Path GRADER_JAR = Path.of(System.getProperty("awaitlings.graderJar", "target/grader.jar"));

    @TempDir
    Path work;

    private Path autograder;
    private Batch batch;

    @BeforeEach
    void layOutTheAutograder() throws IOException {
        batch = Batch.of(work, Batch.EXERCISE, "14-backpressure");
        autograder = Files.createDirectories(work.resolve("autograder"));
        Path zip = work.resolve("autograder.zip");
        int exit = Grader.commandLine(CommandLine.defaultFactory())
                .execute("package", "gradescope", "--out", zip.toString(), "--course", batch.course().root().toString());
        assertThat(exit).isZero();
        unzip(zip, Files.createDirectories(autograder.resolve("source")));
        Files.copy(GRADER_JAR, autograder.resolve("source/grader.jar"));
        Files.createDirectories(autograder.resolve("results"));
    }

    @Test
    @DisplayName("run_autograder grades the upload with a graded JVM that fits Gradescope's memory, and writes results.json")
    void gradesTheUpload() throws Exception {
        Folders.copy(batch.solved("student"), autograder.resolve("submission"));

        Process run = runAutograder();
        assertThat(run.waitFor(8, TimeUnit.MINUTES)).as("run_autograder finished").isTrue();

        assertThat(run.exitValue()).as("run_autograder's exit; it printed:%n%s", output()).isZero();
        JsonNode results = ResultJson.readTree(Files.readString(autograder.resolve("results/results.json")));
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> {
            assertThat(test.get("status").asText()).as("%s: %s", test.get("name"), test.get("output")).isEqualTo("passed");
            assertThat(test.get("number").asText()).matches("(1|14)\\.\\d+");
        });
        int maxScore = 0;
        for (JsonNode test : results.get("tests")) {
            maxScore += test.get("max_score").asInt();
        }
        assertThat(results.get("score").asInt()).isEqualTo(maxScore);
    }

    @Test
    @DisplayName("a run stopped before grading ends leaves a results.json that says grading did not finish, not an empty one")
    void aStoppedRunLeavesAnHonestResult() throws Exception {
        // A check that sleeps past its time limit keeps the grading busy for seconds after the first results.json.
        Folders.copy(batch.attacker("student", "", "Thread.sleep(60_000); return \"woke up\";"), autograder.resolve("submission"));
        Path results = autograder.resolve("results/results.json");

        Process run = runAutograder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(results) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly().waitFor();

        JsonNode stopped = ResultJson.readTree(Files.readString(results));
        assertThat(stopped.get("score").asInt()).isZero();
        assertThat(stopped.get("output").asText()).startsWith("Grading did not finish");
        assertThat(stopped.get("tests")).isEmpty();
    }

    @Test
    @DisplayName("an upload that is not a copy of the course gets a results.json that says what to upload")
    void aWrongUploadIsToldSo() throws Exception {
        Files.createDirectories(autograder.resolve("submission"));
        Files.writeString(autograder.resolve("submission/CoffeeShop.java"), "class CoffeeShop {}");

        Process run = runAutograder();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(run.exitValue()).as("run_autograder's exit; it printed:%n%s", output()).isZero();
        JsonNode results = ResultJson.readTree(Files.readString(autograder.resolve("results/results.json")));
        assertThat(results.get("output").asText()).startsWith("Your upload holds no copy of the course");
        assertThat(results.get("score").asInt()).isZero();
    }

    private Process runAutograder() throws IOException {
        ProcessBuilder run = new ProcessBuilder("bash", autograder.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("run_autograder.log").toFile());
        run.environment().put("AUTOGRADER_ROOT", autograder.toString());
        return run.start();
    }

    private String output() throws IOException {
        return Files.readString(work.resolve("run_autograder.log"));
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target).as("zip entry %s", entry.getName()).startsWithRaw(into);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }
}
