package awaitlings.grader.submission;

import static awaitlings.grader.fixture.CourseFixture.cloneOf;
import static awaitlings.grader.fixture.CourseFixture.filesIn;
import static awaitlings.grader.fixture.CourseFixture.write;
import static awaitlings.grader.fixture.ZipFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.ZipFixture;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Submissions")
class SubmissionsTests {

    @TempDir
    Path dir;

    private Course course;
    private Path temp;
    private final List<String> batchNotes = new ArrayList<>();

    @BeforeEach
    void makeCourse() {
        course = CourseFixture.at(dir.resolve("course"));
        temp = dir.resolve("temp");
    }

    private List<Submission> collect(Path... args) {
        return Submissions.collect(List.of(args), temp, batchNotes::add);
    }

    @Test
    @DisplayName("a folder with exercises/ is one submission, named after the folder, read in place")
    void cloneFolder() {
        Path alice = cloneOf(course, dir.resolve("alice"));

        assertThat(collect(alice)).containsExactly(new Submission("alice", alice));
        assertThat(batchNotes).isEmpty();
    }

    @Test
    @DisplayName("a .zip is one submission named after the zip, whether exercises/ is at its top or in its one top folder")
    void zips() {
        Path flat = zip().tree(course.root(), "").writeTo(dir.resolve("bob.zip"));
        Path nested = zip().tree(course.root(), "awaitlings-main/").file("__MACOSX/._x", "junk").writeTo(dir.resolve("carol.ZIP"));

        List<Submission> found = collect(flat, nested);

        assertThat(found).extracting(Submission::id).containsExactly("bob", "carol");
        assertThat(found.get(0).root().resolve("exercises/01-alpha/src/main/java/alpha/Stub.java")).isRegularFile();
        assertThat(found.get(1).root().getFileName()).hasToString("awaitlings-main");
        assertThat(filesIn(found.get(1).root())).isEqualTo(filesIn(course.root()));
        assertThat(found).allSatisfy(s -> assertThat(s.root()).startsWith(temp).isNotEqualTo(temp));
        assertThat(found).allSatisfy(s -> assertThat(s.notes()).isEmpty());
    }

    @Test
    @DisplayName("a zip's entries with .., an absolute path or a symbolic link are skipped with a note, and nothing lands outside")
    void hostileZip() throws IOException {
        Path evil = zip().tree(course.root(), "")
                .file("../evil", "escaped")
                .file("exercises/../../evil2", "escaped")
                .file("/tmp/evil3", "absolute")
                .file("..\\evil4", "escaped on Windows")
                .link("exercises/01-alpha/src/main/java/alpha/Secret.java", "/etc/passwd")
                .link("exercises/02-beta/src/main", "/")
                .writeTo(dir.resolve("mallory.zip"));

        List<Submission> found = collect(evil);

        assertThat(found).hasSize(1);
        Submission mallory = found.get(0);
        assertThat(mallory.id()).isEqualTo("mallory");
        assertThat(mallory.notes()).containsExactly(
                "skipped zip entry '../evil': it points outside the submission folder",
                "skipped zip entry 'exercises/../../evil2': it points outside the submission folder",
                "skipped zip entry '/tmp/evil3': it is an absolute path",
                "skipped zip entry '..\\evil4': it points outside the submission folder",
                "skipped zip entry 'exercises/01-alpha/src/main/java/alpha/Secret.java': it is a symbolic link",
                "skipped zip entry 'exercises/02-beta/src/main': it is a symbolic link");
        assertThat(filesIn(mallory.root())).isEqualTo(filesIn(course.root()));
        try (var all = Files.walk(dir)) {
            assertThat(all.filter(Files::isSymbolicLink)).isEmpty();
        }
        assertThat(dir.resolve("evil")).doesNotExist();
        assertThat(temp.resolve("evil")).doesNotExist();
        assertThat(Path.of("/tmp/evil3")).doesNotExist();
    }

    @Test
    @DisplayName("a symbolic link stored by Info-ZIP's `zip -y` is recognised too (skipped where zip is not installed)")
    void infoZipLink() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zip")), "Debian's zip is not installed");
        Path clone = cloneOf(course, dir.resolve("dave"));
        Files.createSymbolicLink(clone.resolve("exercises/01-alpha/src/main/java/alpha/Passwords.java"), Path.of("/etc/passwd"));
        Process zip = new ProcessBuilder("zip", "-q", "-r", "-y", dir.resolve("dave.zip").toString(), ".")
                .directory(clone.toFile()).inheritIO().start();
        assertThat(zip.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(zip.exitValue()).isZero();
        Files.delete(clone.resolve("exercises/01-alpha/src/main/java/alpha/Passwords.java"));

        Submission dave = collect(dir.resolve("dave.zip")).get(0);

        assertThat(dave.notes()).containsExactly(
                "skipped zip entry 'exercises/01-alpha/src/main/java/alpha/Passwords.java': it is a symbolic link");
        assertThat(dave.root().resolve("exercises/01-alpha/src/main/java/alpha/Passwords.java")).doesNotExist();
    }

    @Test
    @DisplayName("a folder of many: each clone folder and each zip inside is a submission, in name order; anything else (a link too) is skipped with a note")
    void folderOfMany() throws IOException {
        Path many = dir.resolve("many");
        cloneOf(course, many.resolve("student-02"));
        Files.createSymbolicLink(many.resolve("linked"), many.resolve("student-02"));
        zip().tree(course.root(), "").writeTo(many.resolve("student-01.zip"));
        zip().tree(course.root(), "student-03/").writeTo(many.resolve("student-03.zip"));
        write(many, "readme.txt", "exported from Gradescope");
        write(many, "empty/notes.md", "not a clone");
        write(many, ".DS_Store", "Finder's");

        List<Submission> found = collect(many);

        assertThat(found).extracting(Submission::id).containsExactly("student-01", "student-02", "student-03");
        assertThat(found).allSatisfy(s -> assertThat(s.root().resolve("exercises")).isDirectory());
        assertThat(found.get(1).root()).isEqualTo(many.resolve("student-02").toAbsolutePath());
        assertThat(batchNotes).containsExactly(
                "skipped " + many.resolve("empty").toAbsolutePath() + ": neither a course clone (no exercises/ folder) nor a .zip",
                "skipped " + many.resolve("linked").toAbsolutePath() + ": a symbolic link, not followed",
                "skipped " + many.resolve("readme.txt").toAbsolutePath() + ": neither a course clone (no exercises/ folder) nor a .zip");
    }

    @Test
    @DisplayName("inside a folder of many, a learner's unreadable zip or zip without a course is still graded, with a note")
    void learnersBrokenZips() throws IOException {
        Path many = dir.resolve("many");
        cloneOf(course, many.resolve("fine"));
        Files.createDirectories(many);
        Files.writeString(many.resolve("corrupt.zip"), "this is not a zip");
        zip().file("homework.txt", "I did it").writeTo(many.resolve("nocourse.zip"));

        List<Submission> found = collect(many);

        assertThat(found).extracting(Submission::id).containsExactly("corrupt", "fine", "nocourse");
        assertThat(found.get(0).notes()).singleElement().asString()
                .startsWith("the zip could not be read (").endsWith("): the course's stubs were graded");
        assertThat(found.get(0).root()).isEmptyDirectory();
        assertThat(found.get(2).notes()).containsExactly("the zip has no exercises/ folder: the course's stubs were graded");
    }

    @Test
    @DisplayName("submissions with the same name get -2, -3 and a note saying so")
    void duplicateIds() {
        Path one = cloneOf(course, dir.resolve("a/alice"));
        Path two = cloneOf(course, dir.resolve("b/alice"));
        Path zip = zip().tree(course.root(), "").writeTo(dir.resolve("c/alice.zip"));
        Path taken = cloneOf(course, dir.resolve("d/alice-2"));

        List<Submission> found = collect(one, two, zip, taken);

        assertThat(found).extracting(Submission::id).containsExactly("alice", "alice-3", "alice-4", "alice-2");
        assertThat(found.get(1).notes()).containsExactly("renamed from alice to alice-3: another submission has the same name");
        assertThat(found.get(2).notes()).containsExactly("renamed from alice to alice-4: another submission has the same name");
        assertThat(found.get(3).notes()).isEmpty();
    }

    @Test
    @DisplayName("a missing path is an error that names it")
    void missingPath() {
        assertThatThrownBy(() -> collect(dir.resolve("nobody")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such file or folder: " + dir.resolve("nobody"));
    }

    @Test
    @DisplayName("an unreadable zip given on the command line is an error that names it")
    void corruptZipArgument() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.zip"), "this is not a zip");

        assertThatThrownBy(() -> collect(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read zip " + corrupt.toAbsolutePath() + ": ");
    }

    @Test
    @DisplayName("a zip given on the command line that holds no course is an error")
    void zipArgumentWithoutCourse() {
        Path zip = zip().file("a/exercises/x.txt", "one").file("b/exercises/y.txt", "two").writeTo(dir.resolve("two-courses.zip"));

        assertThatThrownBy(() -> collect(zip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a course layout: " + zip.toAbsolutePath()
                        + " has no exercises/ folder, at its top or in its one top folder");
    }

    @Test
    @DisplayName("a folder with no submission in it is an error, and so is a file that is not a zip")
    void nothingToGrade() {
        Path empty = write(dir, "empty/readme.txt", "nothing here").getParent();

        assertThatThrownBy(() -> collect(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no submission in " + empty + ": it has no exercises/ folder, and no folder with one or .zip inside");
        assertThatThrownBy(() -> collect(empty.resolve("readme.txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a submission: " + empty.resolve("readme.txt") + " is neither a folder nor a .zip");
    }
}
