package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The course a grader belongs to when {@code --course} is not given: {@code grader.jar} is built at
 * {@code <course>/grader/cli/target/grader.jar}, so the first course above the jar; else the current folder.
 */
final class HomeCourse {

    private HomeCourse() {
    }

    /**
     * The course named with {@code --course}, or when none was: {@link #find()}'s.
     *
     * @throws IllegalArgumentException when that is not a course
     */
    static Course chosen(Path named) {
        return named != null ? Course.at(named) : find();
    }

    /**
     * The course above this grader's code, else the current folder.
     *
     * @throws IllegalArgumentException when neither is a course, saying to name one with {@code --course}
     */
    static Course find() {
        Path guess = codeLocation().flatMap(HomeCourse::enclosing).orElse(Path.of("").toAbsolutePath());
        try {
            return Course.at(guess);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no course found above grader.jar nor in the current folder ("
                    + guess + "); name it with --course DIR");
        }
    }

    /** The first folder from {@code start} upwards that has {@code exercises/} and {@code pom.xml}. */
    static Optional<Path> enclosing(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        CodeSource source = HomeCourse.class.getProtectionDomain().getCodeSource();
        try {
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return Optional.empty(); // loaded from somewhere that is not a file: the current folder it is
        }
    }
}
