package awaitlings.grader.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.SoundCourse;
import awaitlings.grader.model.Course;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch mode as a learner meets it: the grader in a pseudo-terminal (made by util-linux's {@code script}), keys
 * typed one by one without Enter, a stub edited to its solution while it watches.
 */
@DisplayName("watch mode, driven in a pseudo-terminal")
@Timeout(300)
class WatchTests {

    /** Only how long to wait for the screen before giving up; nothing is judged by it. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    @DisplayName("a save that solves the stub flips its check to ✓ and moves the progress bar; h shows a hint, n the next exercise, q quits")
    void editToTheSolutionWhileWatching() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script makes the pseudo-terminal");
        Course course = SoundCourse.at(work.resolve("course"));
        CourseFixture.write(course.exercise(SoundCourse.ANSWER), "README.md", "# 01 · answer\n\n## Hints\n\n"
                + "<details><summary>Hint 1.1</summary>\n\nReturn the answer.\n</details>\n");
        Path stub = SoundCourse.source(course, "exercises", SoundCourse.ANSWER);
        String solved = Files.readString(SoundCourse.source(course, "solutions", SoundCourse.ANSWER));

        try (Pty watch = Pty.start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "awaitlings.grader.command.Grader", "watch", "--course", course.root().toString()))) {
            watch.awaitText("✗ task 1 · Answer does what it is asked");
            watch.awaitText("] 0 of 2 exercises done");
            assertThat(watch.text()).contains("Edit  exercises/01-answer/src/main/java/answer/Answer.java");

            Files.writeString(stub, solved);
            watch.awaitText("✓ task 1 · Answer does what it is asked");
            watch.awaitText("] 1 of 2 exercises done");
            assertThat(watch.text()).contains("All 1 checks pass · 2 of 2 points.");

            watch.type("h");
            watch.awaitText("Hint 1.1 (1 of 1 for 01-answer)");
            watch.type("n");
            watch.awaitText("─ 02 · echo ─");
            watch.type("q");
            assertThat(watch.exitCode()).as("exit code of watch after q; it printed:%n%s", watch.text()).isZero();
            assertThat(watch.text()).contains("Bye.");
        }
        Journal journal = Journal.of(course.root());
        assertThat(journal.done(SoundCourse.ANSWER)).as("01 is done in the journal after a restart").isTrue();
        assertThat(journal.get(SoundCourse.ANSWER).orElseThrow().hintsShown()).containsExactly("1.1");
        assertThat(journal.done(SoundCourse.ECHO)).isFalse();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A command in a pseudo-terminal: what it printed so far, keys typed into it. */
    private static final class Pty implements AutoCloseable {
        private final Process process;
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

        private Pty(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "pty-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Pty start(List<String> command) throws IOException {
            String line = String.join(" ", command.stream().map(Pty::quoted).toList());
            return new Pty(new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true).start());
        }

        private static String quoted(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }

        private void read() {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (screen) {
                        screen.write(buffer, 0, n);
                        screen.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }

        String text() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitText(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            synchronized (screen) {
                while (!text().contains(expected) && System.nanoTime() < deadline) {
                    screen.wait(200);
                }
            }
            assertThat(text()).as("the screen of watch, waiting for \"%s\"", expected).contains(expected);
        }

        void type(String keys) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(keys.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("watch ended").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
