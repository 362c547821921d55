package awaitlings.grader.export;

import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder an export writes into. A new or empty one is used as it is. A non-empty one only with {@code force}, and
 * only when it is an earlier export (a clone of the template repository, say): then everything in it is deleted but
 * its {@code .git}, which is never touched, so that {@code git status} shows what the new export changed. Anything
 * else is refused, and so is a folder inside the course or holding it: deleting there could cost the course itself.
 */
final class ExportFolder {

    static final String GIT = ".git";

    private ExportFolder() {
    }

    /**
     * Makes {@code out} ready to be written into.
     *
     * @return whether {@code out} holds a {@code .git} that was kept
     * @throws IllegalArgumentException when {@code out} is refused, saying why
     */
    static boolean prepare(Course course, Path out, boolean force) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        Path folder = real(out);
        Path root = real(course.root());
        if (folder.startsWith(root) || root.startsWith(folder)) {
            throw new IllegalArgumentException("--out " + out + " must lie outside the course (" + root + ")");
        }
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
            return false;
        }
        List<Path> entries = entries(folder);
        if (entries.isEmpty()) {
            return false;
        }
        if (!force) {
            throw new IllegalArgumentException("--out " + out + " is not empty; pass --force to replace an earlier export there");
        }
        List<Path> replaced = entries.stream().filter(entry -> !entry.getFileName().toString().equals(GIT)).toList();
        if (!replaced.isEmpty() && !looksLikeAnExport(folder)) {
            throw new IllegalArgumentException("--out " + out + " is not an earlier export (pom.xml and exercises/, no solutions/),"
                    + " so --force leaves it alone; name a new or empty folder");
        }
        for (Path entry : replaced) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                Folders.delete(entry);
            } else {
                Files.delete(entry);
            }
        }
        return replaced.size() < entries.size();
    }

    /** An export has the course's build and exercises, and never the solutions a real course has. */
    private static boolean looksLikeAnExport(Path folder) {
        return Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("exercises"))
                && !Files.exists(folder.resolve("solutions"), LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    /** The folder with every link resolved, as far as it exists: a link must not hide that it leads into the course. */
    private static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }
}
