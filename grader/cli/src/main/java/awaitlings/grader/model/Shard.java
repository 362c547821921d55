package awaitlings.grader.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code index}-th of {@code count} slices of a batch ({@code K/N}, from 1), for grading a batch on many machines.
 * A submission's slice depends on its id alone — the first 8 bytes of the SHA-256 of its UTF-8 bytes, as an unsigned
 * number, modulo {@code count} — so it is the same whatever else is in the batch, on any machine and JVM.
 *
 * @param index which slice, from 1 to {@code count}
 * @param count how many slices the batch is cut into, at least 1
 */
public record Shard(int index, int count) {

    /** The whole batch, in one slice. */
    public static final Shard ALL = new Shard(1, 1);

    /** @throws IllegalArgumentException when {@code count} is below 1 or {@code index} is not from 1 to {@code count} */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("N, the number of shards, must be at least 1");
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("K must be from 1 to " + count);
        }
    }

    /** Whether the submission {@code id} is graded in this slice. */
    public boolean holds(String id) {
        return sliceOf(id, count) == index;
    }

    private static int sliceOf(String id, int count) {
        long hash = ByteBuffer.wrap(sha256(id.getBytes(StandardCharsets.UTF_8))).getLong();
        return (int) Long.remainderUnsigned(hash, count) + 1;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            // Every JDK must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
