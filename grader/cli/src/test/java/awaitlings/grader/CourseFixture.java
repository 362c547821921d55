package awaitlings.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A tiny course on disk, shaped like the real one: two exercises, a solution with hidden tests, the harness, CI. */
final class CourseFixture {

    static final String ALPHA = "01-alpha";
    static final String BETA = "02-beta";

    private CourseFixture() {
    }

    /** Writes the course into {@code root} and returns it. */
    static Course at(Path root) {
        write(root, "pom.xml", "<project>course</project>\n");
        write(root, "mvnw", "#!/bin/sh\necho wrapper\n");
        write(root, ".mvn/maven.config", "--fail-at-end\n");
        write(root, ".ci/run", "./mvnw test\n");
        write(root, "README.md", "# the course\n");
        write(root, "grader/harness/pom.xml", "<project>harness</project>\n");
        write(root, "grader/harness/src/main/java/awaitlings/harness/Points.java", "package awaitlings.harness;\n");
        for (String exercise : new String[] {ALPHA, BETA}) {
            String name = exercise.substring(3);
            write(root, "exercises/" + exercise + "/pom.xml", "<project>" + name + "</project>\n");
            write(root, "exercises/" + exercise + "/README.md", "# " + name + "\n");
            write(root, "exercises/" + exercise + "/src/main/java/" + name + "/Stub.java",
                    "package " + name + ";\nclass Stub { /* TODO */ }\n");
            write(root, "exercises/" + exercise + "/src/test/java/" + name + "/StubTest.java",
                    "package " + name + ";\nclass StubTest {}\n");
            write(root, "solutions/" + exercise + "/pom.xml", "<project>" + name + " solution</project>\n");
            write(root, "solutions/" + exercise + "/src/test/java/" + name + "/StubHiddenTest.java",
                    "package " + name + ";\nclass StubHiddenTest {}\n");
        }
        return Course.at(root);
    }

    /** A learner's clone of {@code course} in {@code target}: every file of the course, unchanged. */
    static Path cloneOf(Course course, Path target) {
        try (Stream<Path> files = Files.walk(course.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(course.root().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code root}, relative, {@code /}-separated and sorted. */
    static java.util.List<String> filesIn(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> ProtectedFiles.relative(root, f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
