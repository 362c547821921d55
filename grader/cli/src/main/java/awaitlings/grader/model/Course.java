package awaitlings.grader.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The instructor's pristine checkout of the course: where tests, poms, the harness and hidden tests come from.
 *
 * @param root the folder with {@code pom.xml}, {@code exercises/} and {@code solutions/}
 */
public record Course(Path root) {

    /** The course at {@code root}, or an error that says why it is not one. */
    public static Course at(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("exercises")) || !Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("not a course checkout (no pom.xml and exercises/): " + dir);
        }
        return new Course(dir);
    }

    /** The exercise folder names, in course order. */
    public List<String> exercises() {
        try (Stream<Path> dirs = Files.list(root.resolve("exercises"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code exercises/<exercise>}: README, stub, visible tests. */
    public Path exercise(String exercise) {
        return root.resolve("exercises").resolve(exercise);
    }

    /** {@code solutions/<exercise>}: the reference solution and the hidden tests. */
    public Path solution(String exercise) {
        return root.resolve("solutions").resolve(exercise);
    }
}
