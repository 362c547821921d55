package awaitlings.grader.export;

import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The learners' copy of the course, a folder ready to {@code git init} and push as a template repository: the build
 * (root pom, Maven wrapper), the exercises with their stubs, visible tests and READMEs, the harness their tests use,
 * the note a JDK older than 21 ends with, and the grader's sources with the script that builds and runs them for the
 * learner's loop ({@code grader/learn watch}). Never the solutions and their hidden tests, the grader's tests, the
 * course's own checks or CI, nor build output; and none of the instructor-only text ({@link LearnerText}).
 */
public final class StudentCopy {

    /** What the learner's build and reading need, relative to the course; nothing else leaves it. */
    static final List<String> SHIPPED = List.of("pom.xml", "README.md", "mvnw", "mvnw.cmd", ".mvn", ".gitignore",
            "exercises", "grader/harness", "grader/jdk21-note", "grader/learn", "grader/cli/pom.xml", "grader/cli/src/main");

    private static final String BUILD_OUTPUT = "target";

    /**
     * What an export wrote.
     *
     * @param folder the learners' copy
     * @param exercises how many exercises it holds
     * @param keptGit whether the folder held a {@code .git}, which was left as it was
     */
    public record Written(Path folder, int exercises, boolean keptGit) {
    }

    private StudentCopy() {
    }

    /**
     * Writes the learners' copy of {@code course} into {@code out}, which must be new or empty, or with {@code force}
     * an earlier export ({@link ExportFolder}).
     *
     * @throws IllegalArgumentException when {@code course} lacks a part of the copy, or {@code out} is refused
     * @throws IllegalStateException when the course's instructor-only markers are broken
     */
    public static Written write(Course course, Path out, boolean force) throws IOException {
        for (String part : SHIPPED) {
            if (!Files.exists(course.root().resolve(part))) {
                throw new IllegalArgumentException("the course at " + course.root() + " has no " + part + " to export");
            }
        }
        boolean keptGit = ExportFolder.prepare(course, out, force);
        for (String part : SHIPPED) {
            Files.createDirectories(out.resolve(part).getParent());
            Folders.copy(course.root().resolve(part), out.resolve(part), StudentCopy::isBuildOutput);
        }
        // Only once all is copied: a broken marker then leaves an earlier export, which --force replaces.
        for (String part : SHIPPED) {
            rewriteText(out.resolve(part), out);
        }
        return new Written(out, Course.at(out).exercises().size(), keptGit);
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path name : relative) {
            if (name.toString().equals(BUILD_OUTPUT)) {
                return true;
            }
        }
        return false;
    }

    /** Leaves the instructor-only text out of every README and pom under {@code part}. */
    private static void rewriteText(Path part, Path out) throws IOException {
        try (Stream<Path> files = Files.walk(part)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String shown = out.relativize(file).toString();
                if (file.equals(out.resolve("README.md"))) {
                    Files.writeString(file, LearnerText.readme(Files.readString(file), shown));
                } else if (name.endsWith(".md") || name.equals("pom.xml")) {
                    Files.writeString(file, LearnerText.withoutInstructorBlocks(Files.readString(file), shown));
                }
            }
        }
    }
}
