package awaitlings.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The files a learner must not change — poms, the exercises' tests, the grader, the Maven wrapper and CI, the
 * solutions — and which of them a submission changed. They are never used (the course's copies are), so this only
 * tells the instructor who tried.
 */
final class ProtectedFiles {

    private static final Set<String> PROTECTED_TOPS = Set.of("grader", ".mvn", ".ci", "solutions");

    private ProtectedFiles() {
    }

    /** Whether {@code relative} (a path inside a course, {@code /}-separated) is a protected file. */
    static boolean isProtected(String relative) {
        String[] parts = relative.split("/");
        return parts[parts.length - 1].equals("pom.xml")
                || PROTECTED_TOPS.contains(parts[0])
                || (parts.length == 1 && parts[0].startsWith("mvnw"))
                || (parts.length > 4 && parts[0].equals("exercises") && parts[2].equals("src") && parts[3].equals("test"));
    }

    /**
     * The protected files present in {@code submission} that differ from the course's file at the same path or
     * that the course does not have, relative and sorted. A symbolic link in a protected place counts as changed
     * and is never followed. Git's metadata and Maven's {@code target/} output are not looked at: building the
     * course changes them, cheating does not need them. Nor is what the Maven wrapper downloads. What cannot be
     * read is noted in {@code notes}.
     */
    static List<String> changed(Path submission, Path course, List<String> notes) {
        List<String> changed = new ArrayList<>();
        try {
            Files.walkFileTree(submission, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean mavenOutput = name.equals("target") && Files.exists(dir.resolveSibling("pom.xml"));
                    return !dir.equals(submission) && (name.equals(".git") || mavenOutput)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = relative(submission, file);
                    boolean looked = isProtected(relative) && !isWrapperDownload(relative);
                    if (looked && (!attrs.isRegularFile() || !sameAsCourse(file, course.resolve(relative)))) {
                        changed.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    notes.add("could not check " + relative(submission, file) + " for changes: " + failure.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed.stream().sorted().toList();
    }

    /**
     * What the Maven wrapper fetches into a clone on its first run: its jar, and its downloader's classes where it
     * found neither curl nor wget. Not the learner's doing, and never run here.
     */
    private static boolean isWrapperDownload(String relative) {
        return relative.equals(".mvn/wrapper/maven-wrapper.jar")
                || relative.startsWith(".mvn/wrapper/") && relative.endsWith(".class");
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static boolean sameAsCourse(Path file, Path courseFile) throws IOException {
        return Files.isRegularFile(courseFile, LinkOption.NOFOLLOW_LINKS)
                && Arrays.equals(sha256(file), sha256(courseFile));
    }

    /**
     * SHA-256 of the file with Windows line ends read as Unix ones: a checkout with {@code core.autocrlf} is not a
     * change, and flagging every Windows learner would bury the real ones.
     */
    static byte[] sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] in = new byte[64 * 1024];
        byte[] out = new byte[in.length + 1];
        boolean pendingReturn = false;
        try (InputStream stream = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = stream.read(in); n >= 0; n = stream.read(in)) {
                int length = 0;
                for (int i = 0; i < n; i++) {
                    byte b = in[i];
                    if (pendingReturn && b != '\n') {
                        out[length++] = '\r';
                    }
                    pendingReturn = b == '\r';
                    if (!pendingReturn) {
                        out[length++] = b;
                    }
                }
                digest.update(out, 0, length);
            }
        }
        if (pendingReturn) {
            digest.update((byte) '\r');
        }
        return digest.digest();
    }
}
