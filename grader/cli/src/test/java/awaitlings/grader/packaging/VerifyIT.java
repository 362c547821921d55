package awaitlings.grader.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course proves itself sound with the grader an instructor runs: the packaged grader.jar's {@code verify}, on
 * the real course, twice over, so that a check whose verdict changes between runs is caught here, not in a semester.
 */
@DisplayName("grader verify on the real course")
@Timeout(1200)
class VerifyIT {

    private static final Path GRADER_JAR = Path.of(System.getProperty("awaitlings.graderJar", "target/grader.jar"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path COURSE = Path.of(System.getProperty("awaitlings.root", "../.."));

    @TempDir
    Path work;

    @Test
    @DisplayName("finds the course sound: every solution passes, every stub fails, APIs, READMEs and points agree, no verdict changes")
    void theCourseIsSound() throws IOException, InterruptedException {
        Path log = work.resolve("verify.log");
        Process verify = new ProcessBuilder(JAVA.toString(), "-jar", GRADER_JAR.toString(), "verify", "--course", COURSE.toString(), "--repeat", "2")
                .redirectOutput(log.toFile()).redirectError(work.resolve("progress.log").toFile()).start();
        assertThat(verify.waitFor(18, TimeUnit.MINUTES)).as("verify finished").isTrue();

        String printed = Files.readString(log);
        assertThat(verify.exitValue()).as("verify's exit; it printed:%n%s", printed).isZero();
        assertThat(printed.lines().reduce((first, last) -> last).orElse("")).startsWith("course is sound: ").endsWith(", 2 runs");
    }
}
