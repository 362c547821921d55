package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * File modes and owners for forked JVMs that run as users of their own: what they read must be readable by every
 * user (the sandbox, not the mode, keeps it from other submissions), and what they write is theirs until they end.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Makes {@code root} and everything in it readable (folders also enterable) by every user. */
    public static void shareWithOthers(Path root) {
        setAll(root, "rwxr-xr-x", "rw-r--r--");
    }

    /** Makes {@code root} and everything in it readable by everyone and writable by no one, owner included. */
    public static void readOnlyForAll(Path root) {
        setAll(root, "r-xr-xr-x", "r--r--r--");
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

    /** Gives {@code path} (not what is inside) to user and group {@code uid}, for it alone. */
    static void own(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }

    /** Gives {@code root} and everything in it to {@code uid}. */
    static void ownAll(Path root, int uid) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                own(path, uid);
            }
        }
    }

    /** Takes {@code root} and everything in it back for the grader, readable by every user, and nothing in it a link. */
    static void takeBack(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                if (Files.isSymbolicLink(path) || !(Files.isRegularFile(path) || Files.isDirectory(path))) {
                    Files.delete(path); // the JVM made it: a link or a socket is nothing the grader wants to follow
                    continue;
                }
                Files.setAttribute(path, "unix:uid", 0, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", 0, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        shareWithOthers(root);
    }

    private static void setAll(Path root, String folders, String files) {
        if (!posix(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            // Deepest first, so that a folder made unwritable does not stop the change of what is inside it.
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? folders : files));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
