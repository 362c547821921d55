package awaitlings.grader.packaging;

import awaitlings.grader.model.Course;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Gradescope's autograder zip: {@code setup.sh} and {@code run_autograder} at its root, as Gradescope looks for them,
 * and the whole course under {@code course/} — solutions and hidden tests included, since the grading happens on
 * Gradescope's machines — without build output or version control.
 */
public final class GradescopeZip {

    /** Folders that are made, not written: the image builds its own. */
    private static final Set<String> LEFT_OUT = Set.of("target", ".git", "node_modules", ".idea");

    private GradescopeZip() {
    }

    /** @throws IllegalArgumentException when {@code zip} exists and {@code replace} is not set */
    public static void write(Course course, Path zip, boolean replace) {
        if (Files.exists(zip) && !replace) {
            throw new IllegalArgumentException(zip + " exists already (--force replaces it)");
        }
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Platform.File script : Platform.GRADESCOPE.files()) {
                    out.putNextEntry(new ZipEntry(script.path()));
                    out.write(PlatformFiles.template(Platform.GRADESCOPE, script));
                    out.closeEntry();
                }
                addCourse(course.root(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void addCourse(Path root, ZipOutputStream out) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && LEFT_OUT.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    out.putNextEntry(new ZipEntry("course/" + root.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
