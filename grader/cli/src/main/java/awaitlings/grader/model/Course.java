package awaitlings.grader.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The instructor's pristine checkout of the course: where tests, poms, the harness and hidden tests come from.
 *
 * @param root the folder with {@code pom.xml}, {@code exercises/} and {@code solutions/}
 * @param only the one exercise this course is cut down to, e.g. for a platform that grades one exercise per run;
 *             empty for all of them
 */
public record Course(Path root, String only) {

    private static final Pattern RELEASE = Pattern.compile("<maven\\.compiler\\.release>\\s*(\\d+)\\s*</maven\\.compiler\\.release>");

    /** The course at {@code root}, or an error that says why it is not one. */
    public static Course at(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("exercises")) || !Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("not a course checkout (no pom.xml and exercises/): " + dir);
        }
        return new Course(dir, "");
    }

    /**
     * This course cut down to one exercise, named by its folder ({@code 01-coffee-shop}), by its slug, the folder
     * without its number ({@code coffee-shop}), or by its number ({@code 01}).
     *
     * @throws IllegalArgumentException naming the known exercises when there is no such one
     */
    public Course only(String exercise) {
        List<String> all = new Course(root, "").exercises();
        return all.stream().filter(name -> name.equals(exercise) || name.replaceFirst("^\\d+-", "").equals(exercise)
                        || name.startsWith(exercise + "-") && exercise.matches("\\d+")).findFirst()
                .map(name -> new Course(root, name))
                .orElseThrow(() -> new IllegalArgumentException("no exercise \"" + exercise + "\" in the course; known: "
                        + String.join(", ", all)));
    }

    /** The exercise folder names, in course order. */
    public List<String> exercises() {
        if (!only.isEmpty()) {
            return List.of(only);
        }
        try (Stream<Path> dirs = Files.list(root.resolve("exercises"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Java release an exercise is written for: its pom's {@code maven.compiler.release}, else the course's (the
     * root pom's), else 17. An exercise for a newer release than the grader's JDK cannot be graded with it.
     */
    public int release(String exercise) {
        return declaredRelease(exercise(exercise).resolve("pom.xml"))
                .orElseGet(() -> declaredRelease(root.resolve("pom.xml")).orElse(17));
    }

    private static Optional<Integer> declaredRelease(Path pom) {
        try {
            Matcher release = RELEASE.matcher(Files.isRegularFile(pom) ? Files.readString(pom) : "");
            return release.find() ? Optional.of(Integer.parseInt(release.group(1))) : Optional.empty();
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
