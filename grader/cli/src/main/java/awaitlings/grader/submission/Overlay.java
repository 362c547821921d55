package awaitlings.grader.submission;

import awaitlings.grader.model.Course;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a submission over the course: only the learner's {@code exercises/<exercise>/src/main/**} is taken, into a
 * private workspace; everything else (tests, poms, the harness) will come from the pristine course. Protected files
 * the submission changed are listed, never copied.
 */
public final class Overlay {

    /** Bigger than any source file a learner writes; a larger one is data or an attack, and is left out. */
    static final long MAX_FILE_BYTES = 1L << 20;
    /** What a folder submission may bring in all, as for a zip ({@link SafeUnzip}). */
    static final long MAX_TOTAL_BYTES = SafeUnzip.MAX_TOTAL_BYTES;
    static final int MAX_FILES = SafeUnzip.MAX_ENTRIES;

    private Overlay() {
    }

    /**
     * Copies the learner's main sources of each course exercise into {@code workDir/<exercise>/src/main/…} and
     * finds the protected files the submission changed. Only regular files are copied: a symbolic link is never
     * followed, a file over 1 MB is skipped, and copying stops at 200 MB or 50 000 files in all; each skip is noted
     * in the workspace. A JUnit or ServiceLoader configuration file among the sources is never copied, and counts as
     * tampering: it could only serve to change how the checks run.
     *
     * @throws UncheckedIOException when the workspace cannot be written
     */
    public static Workspace prepare(Course course, Submission submission, Path workDir) {
        List<String> notes = new ArrayList<>(submission.notes());
        List<String> configuration = new ArrayList<>();
        Budget budget = new Budget();
        try {
            Files.createDirectories(workDir);
            for (String exercise : course.exercises()) {
                String main = "exercises/" + exercise + "/src/main";
                if (isRealFolder(submission.root(), main, notes)) {
                    copyTree(submission.root().resolve(main), workDir.resolve(exercise).resolve("src/main"), main, notes, configuration, budget);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tampered = new ArrayList<>(ProtectedFiles.changed(submission.root(), course.root(), notes));
        tampered.addAll(configuration);
        return new Workspace(submission.id(), workDir, tampered.stream().sorted().toList(), List.copyOf(notes));
    }

    /** Whether {@code relative} is a folder reached through folders only: a linked folder could lead anywhere. */
    private static boolean isRealFolder(Path root, String relative, List<String> notes) {
        Path path = root;
        for (String part : relative.split("/")) {
            path = path.resolve(part);
            if (Files.isSymbolicLink(path)) {
                notes.add("skipped " + ProtectedFiles.relative(root, path) + ": a symbolic link, not followed");
                return false;
            }
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** What is left of a submission's allowance of bytes and files. */
    private static final class Budget {
        long bytes = MAX_TOTAL_BYTES;
        int files = MAX_FILES;
        boolean noted;
    }

    /** Whether {@code shown} would configure how JUnit or the JDK's ServiceLoader runs the checks. */
    static boolean configuresTheChecks(String shown) {
        return shown.contains("/META-INF/services/") || shown.endsWith("/junit-platform.properties");
    }

    private static void copyTree(Path from, Path to, String shownAs, List<String> notes, List<String> configuration,
                                 Budget budget) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String shown = shownAs + "/" + ProtectedFiles.relative(from, file);
                if (ProtectedFiles.isProtected(shown)) {
                    return FileVisitResult.CONTINUE; // a pom.xml among the sources: listed as tampered, never used
                }
                if (configuresTheChecks(shown)) {
                    configuration.add(shown + " (a JUnit or ServiceLoader configuration file; it was left out)");
                    return FileVisitResult.CONTINUE;
                }
                if (budget.files <= 0 || budget.bytes < attrs.size()) {
                    if (!budget.noted) {
                        notes.add("stopped copying the submission at " + shown + ": it holds more than "
                                + (MAX_TOTAL_BYTES >> 20) + " MB or " + MAX_FILES + " files");
                        budget.noted = true;
                    }
                    return FileVisitResult.TERMINATE;
                }
                if (!attrs.isRegularFile()) {
                    notes.add("skipped " + shown + ": " + (attrs.isSymbolicLink() ? "a symbolic link, not followed" : "not a regular file"));
                } else if (attrs.size() > MAX_FILE_BYTES) {
                    notes.add("skipped " + shown + ": larger than 1 MB");
                } else {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        // Read no more than the limit, even if the file grew after it was measured.
                        byte[] content = in.readNBytes((int) Math.min(MAX_FILE_BYTES, budget.bytes));
                        Files.write(target, content);
                        budget.bytes -= content.length;
                        budget.files--;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                notes.add("skipped " + shownAs + "/" + ProtectedFiles.relative(from, file) + ": cannot be read ("
                        + failure.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
