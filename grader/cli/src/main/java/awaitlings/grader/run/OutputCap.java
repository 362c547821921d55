package awaitlings.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What a graded JVM printed, kept within a fixed size however much it prints: the first and the last
 * {@link #KEEP} bytes, and a marker that says how much was cut between them.
 */
final class OutputCap {

    static final int KEEP = 32 * 1024;

    private final byte[] head = new byte[KEEP];
    private final byte[] tail = new byte[KEEP];
    private int headSize;
    private long total;

    /** Reads {@code in} to its end. */
    synchronized void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                append(buffer, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            if (headSize < KEEP) {
                head[headSize++] = bytes[i];
            } else {
                tail[(int) ((total - KEEP) % KEEP)] = bytes[i];
            }
            total++;
        }
    }

    /** The kept text, with a "cut N bytes" marker where the middle was dropped. */
    synchronized String text() {
        String start = new String(head, 0, headSize, StandardCharsets.UTF_8);
        if (total <= KEEP) {
            return start;
        }
        long tailBytes = Math.min(total - KEEP, KEEP);
        byte[] end = new byte[(int) tailBytes];
        long from = total - tailBytes;
        for (int i = 0; i < tailBytes; i++) {
            end[i] = tail[(int) ((from + i - KEEP) % KEEP)];
        }
        long cut = total - KEEP - tailBytes;
        return start + (cut > 0 ? String.format("%n[… cut %d bytes …]%n", cut) : "") + new String(end, StandardCharsets.UTF_8);
    }
}
