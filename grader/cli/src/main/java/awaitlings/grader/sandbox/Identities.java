package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User ids for sandboxed JVMs, each held by one JVM at a time across every grader on the machine: a lease is a lock
 * on a file named for the id, which the operating system releases when the holder ends, so a crashed grader never
 * leaves an id taken, and no id is handed out while an earlier JVM's sandbox (its whole process namespace) may
 * still be alive. Ids come from a range no login account uses.
 *
 * <p>Within this grader an id is claimed in memory before its file is opened: the operating system drops all of a
 * process's locks on a file when any one of its channels to that file closes, so probing an id another of our own
 * JVMs holds would hand that id to other graders.
 */
final class Identities {

    static final int FIRST = 200_000;
    static final int COUNT = 50_000;

    private final Path folder;
    private final int first;
    private final int count;
    private final Set<Integer> claimed = ConcurrentHashMap.newKeySet();

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
                Lease lease = tryLease(id);
                if (lease != null) {
                    return lease;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lease a user id for a sandboxed JVM: " + e.getMessage(), e);
        }
        throw new IllegalStateException("all " + count + " user ids for sandboxed JVMs are in use");
    }

    /** The lease of {@code id}, or null when this grader or another process holds it. */
    private Lease tryLease(int id) throws IOException {
        if (!claimed.add(id)) {
            return null;
        }
        Lease lease = null;
        try {
            FileChannel channel = FileChannel.open(folder.resolve(String.valueOf(id)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    lease = new Lease(id, channel, claimed);
                }
            } finally {
                if (lease == null) {
                    channel.close();
                }
            }
            return lease;
        } finally {
            if (lease == null) {
                claimed.remove(id);
            }
        }
    }

    /** One id, held until closed; close it only once nothing started under it can still run. */
    record Lease(int uid, FileChannel lock, Set<Integer> claimed) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                claimed.remove(uid);
            }
        }
    }
}
