package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * User ids for sandboxed JVMs, each held by one JVM at a time across every grader on the machine: a lease is a lock
 * on a file named for the id, which the operating system releases when the holder ends, so a crashed grader never
 * leaves an id taken, and no id is handed out while an earlier JVM's sandbox (its whole process namespace) may
 * still be alive. Ids come from a range no login account uses.
 */
final class Identities {

    static final int FIRST = 200_000;
    static final int COUNT = 50_000;

    private final Path folder;
    private final int first;
    private final int count;

    /** The ids {@code first} to {@code first + count - 1}, leased through lock files in {@code folder}. */
    Identities(Path folder, int first, int count) {
        this.folder = folder;
        this.first = first;
        this.count = count;
    }

    /** The leases of this machine, kept in a folder only root can write. */
    static Identities machineWide() {
        return new Identities(Path.of("/run/awaitlings-grader/ids"), FIRST, COUNT);
    }

    /**
     * A free id, held until the lease is closed; the search starts at a random place so concurrent graders rarely
     * meet.
     *
     * @throws IllegalStateException when every id of the range is held
     */
    Lease take() {
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            int start = (int) (Math.random() * count);
            for (int i = 0; i < count; i++) {
                int id = first + (start + i) % count;
                FileChannel channel = FileChannel.open(folder.resolve(String.valueOf(id)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new Lease(id, channel);
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lease a user id for a sandboxed JVM: " + e.getMessage(), e);
        }
        throw new IllegalStateException("all " + count + " user ids for sandboxed JVMs are in use");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisGrader) {
            return null;
        }
    }

    /** One id, held until closed; close it only once nothing started under it can still run. */
    record Lease(int uid, FileChannel lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
