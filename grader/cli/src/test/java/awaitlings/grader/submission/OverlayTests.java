package awaitlings.grader.submission;

import static awaitlings.grader.fixture.CourseFixture.cloneOf;
import static awaitlings.grader.fixture.CourseFixture.filesIn;
import static awaitlings.grader.fixture.CourseFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Overlay")
class OverlayTests {

    @TempDir
    Path dir;

    private Course course;
    private Path clone;
    private Path work;

    @BeforeEach
    void makeCourseAndClone() {
        course = CourseFixture.at(dir.resolve("course"));
        clone = cloneOf(course, dir.resolve("alice"));
        work = dir.resolve("work");
    }

    private Workspace overlay() {
        return Overlay.prepare(course, new Submission("alice", clone), work);
    }

    @Test
    @DisplayName("only exercises/<exercise>/src/main/** of the course's exercises is copied into the workspace")
    void copiesOnlyMainSources() {
        write(clone, "exercises/01-alpha/src/main/java/alpha/Stub.java", "package alpha;\nclass Stub { int answer = 42; }\n");
        List.of("exercises/01-alpha/src/main/java/alpha/Helper.java", "exercises/01-alpha/src/main/resources/menu.txt",
                "exercises/01-alpha/src/test/java/alpha/MyOwnTest.java", "exercises/01-alpha/notes.txt",
                "exercises/99-extra/src/main/java/Extra.java", "src/main/java/Root.java")
                .forEach(file -> write(clone, file, "// the learner's\n"));

        Workspace workspace = overlay();

        assertThat(workspace.id()).isEqualTo("alice");
        assertThat(workspace.root()).isEqualTo(work);
        assertThat(filesIn(work)).containsExactly(
                "01-alpha/src/main/java/alpha/Helper.java",
                "01-alpha/src/main/java/alpha/Stub.java",
                "01-alpha/src/main/resources/menu.txt",
                "02-beta/src/main/java/beta/Stub.java");
        assertThat(workspace.sources("01-alpha").resolve("alpha/Stub.java")).hasContent("package alpha;\nclass Stub { int answer = 42; }\n");
        assertThat(workspace.notes()).isEmpty();
    }

    @Test
    @DisplayName("an unchanged clone has no tampered files, even with Maven's target/, the wrapper's download, git's metadata"
            + " and Windows line ends")
    void unchangedCloneIsClean() throws IOException {
        write(clone, ".mvn/wrapper/maven-wrapper.jar", "bytes");
        write(clone, ".mvn/wrapper/MavenWrapperDownloader$1.class", "bytes");
        write(clone, "exercises/01-alpha/target/classes/alpha/Stub.class", "bytes");
        write(clone, "grader/harness/target/harness.jar", "bytes");
        write(clone, "exercises/01-alpha/target/pom.xml", "<project>copied by a plugin</project>\n");
        write(clone, ".git/config", "[core]\n");
        write(clone, "exercises/01-alpha/README.md", "# my own readme\n");
        Path test = clone.resolve("exercises/02-beta/src/test/java/beta/StubTest.java");
        Files.writeString(test, Files.readString(test).replace("\n", "\r\n"));

        assertThat(overlay().tampered()).isEmpty();
    }

    @Test
    @DisplayName("protected files that differ from the course or that it lacks are listed, sorted, and never copied")
    void tamperedFiles() {
        // Each a changed copy of a course file, or a file the course lacks, in a place that belongs to the course.
        List<String> changed = List.of(".ci/run", ".mvn/jvm.config", "exercises/01-alpha/src/test/java/alpha/StubTest.java",
                "exercises/02-beta/pom.xml", "exercises/02-beta/src/main/resources/pom.xml", "exercises/02-beta/src/test/java/beta/Extra.java",
                "grader/harness/src/main/java/awaitlings/harness/Points.java", "mvnw.cmd", "pom.xml",
                "solutions/01-alpha/src/test/java/alpha/StubHiddenTest.java");
        List<String> written = new java.util.ArrayList<>(changed);
        java.util.Collections.reverse(written); // written out of order: the list comes back sorted
        written.forEach(file -> write(clone, file, "// changed by the learner\n"));

        Workspace workspace = overlay();

        assertThat(workspace.tampered()).containsExactlyElementsOf(changed);
        assertThat(filesIn(work)).containsExactly("01-alpha/src/main/java/alpha/Stub.java", "02-beta/src/main/java/beta/Stub.java");
    }

    @Test
    @DisplayName("symbolic links are never followed: a linked file or a linked src/main is skipped with a note")
    void symbolicLinks() throws IOException {
        Path secret = write(dir, "outside/Secret.java", "class Secret { /* the instructor's */ }\n");
        Files.createSymbolicLink(clone.resolve("exercises/01-alpha/src/main/java/alpha/Secret.java"), secret);
        Path betaMain = clone.resolve("exercises/02-beta/src/main");
        CourseFixture.filesIn(betaMain).forEach(f -> delete(betaMain.resolve(f)));
        delete(betaMain.resolve("java/beta"));
        delete(betaMain.resolve("java"));
        delete(betaMain);
        Files.createSymbolicLink(betaMain, secret.getParent());
        Files.createSymbolicLink(clone.resolve("exercises/02-beta/src/test/java/beta/Linked.java"), secret);

        Workspace workspace = overlay();

        assertThat(filesIn(work)).containsExactly("01-alpha/src/main/java/alpha/Stub.java");
        assertThat(workspace.notes()).containsExactly(
                "skipped exercises/01-alpha/src/main/java/alpha/Secret.java: a symbolic link, not followed",
                "skipped exercises/02-beta/src/main: a symbolic link, not followed");
        assertThat(workspace.tampered()).containsExactly("exercises/02-beta/src/test/java/beta/Linked.java");
        Files.delete(betaMain); // JUnit warns when it cleans up a link that leads out of the temp folder
        Files.delete(clone.resolve("exercises/01-alpha/src/main/java/alpha/Secret.java"));
        Files.delete(clone.resolve("exercises/02-beta/src/test/java/beta/Linked.java"));
    }

    @Test
    @DisplayName("a file over 1 MB is skipped with a note; one of exactly 1 MB is copied")
    void largeFiles() throws IOException {
        Files.write(clone.resolve("exercises/01-alpha/src/main/java/alpha/Big.java"), new byte[(int) Overlay.MAX_FILE_BYTES + 1]);
        Files.write(clone.resolve("exercises/01-alpha/src/main/java/alpha/Fits.java"), new byte[(int) Overlay.MAX_FILE_BYTES]);

        Workspace workspace = overlay();

        assertThat(workspace.notes()).containsExactly("skipped exercises/01-alpha/src/main/java/alpha/Big.java: larger than 1 MB");
        assertThat(work.resolve("01-alpha/src/main/java/alpha/Big.java")).doesNotExist();
        assertThat(work.resolve("01-alpha/src/main/java/alpha/Fits.java")).hasSize(Overlay.MAX_FILE_BYTES);
    }

    @Test
    @DisplayName("an exercise missing from the submission is left out of the workspace (its stub is graded), and the submission's notes come along")
    void missingExerciseAndNotes() throws IOException {
        Path betaMain = clone.resolve("exercises/02-beta/src/main/java/beta/Stub.java");
        Files.delete(betaMain);

        Workspace workspace = Overlay.prepare(course, new Submission("alice", clone, List.of("renamed from a to b")), work);

        assertThat(filesIn(work)).containsExactly("01-alpha/src/main/java/alpha/Stub.java");
        assertThat(workspace.notes()).containsExactly("renamed from a to b");
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
