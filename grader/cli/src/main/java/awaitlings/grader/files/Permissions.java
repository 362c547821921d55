package awaitlings.grader.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** File modes for the graded JVM, which runs as a user of its own and must read what the grader prepared. */
public final class Permissions {

    private Permissions() {
    }

    /** Makes {@code root} and everything in it readable (folders also enterable) by every user. */
    public static void shareWithOthers(Path root) {
        if (!posix(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code path} writable by every user: the events file and the graded JVM's scratch folder. */
    public static void openToAll(Path path) {
        if (!posix(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every folder on the way to {@code path} lets other users pass, so a sandboxed JVM can reach it. */
    public static boolean reachableByOthers(Path path) {
        if (!posix(path)) {
            return true;
        }
        try {
            for (Path dir = path.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
