package awaitlings.grader.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;

/** The grader's scratch folders: made private to the run, removed without ever following a learner's link. */
public final class Folders {

    private Folders() {
    }

    /**
     * A new scratch folder that other users may enter but not change: the graded JVM runs as a user of its own
     * and must reach the workspaces inside, which a default temporary folder (owner only) would forbid.
     */
    public static Path newScratch(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** Copies the file or folder {@code from} to {@code to}, folders and all. */
    public static void copy(Path from, Path to) throws IOException {
        copy(from, to, path -> false);
    }

    /**
     * Copies {@code from} to {@code to} as {@link #copy(Path, Path)} does, but for each file or folder that
     * {@code leftOut} names (given its path relative to {@code from}); a folder left out takes all inside it along.
     */
    public static void copy(Path from, Path to, Predicate<Path> leftOut) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                if (leftOut.test(from.relativize(folder))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target(folder));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!leftOut.test(from.relativize(file))) {
                    Files.copy(file, target(file));
                }
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path source) {
                return to.resolve(from.relativize(source).toString());
            }
        });
    }

    /** Deletes {@code dir} and everything in it; a symbolic link inside is removed, never followed. */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            deleteContents(dir);
            Files.delete(dir);
        }
    }

    /**
     * Deletes everything inside {@code dir}, keeping {@code dir} itself. A folder its owner made read-only (the
     * private copy of the tests a grader without a sandbox hands each submission) is made writable first: only
     * its owner can, and only the owner deletes here.
     */
    public static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                if (!Files.isWritable(folder) && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
                    Files.setPosixFilePermissions(folder, permissions);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!folder.equals(dir)) {
                    Files.delete(folder);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
