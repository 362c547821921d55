package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a forked JVM printed, kept within a fixed size however much it prints: the first and the last bytes, and a
 * marker that says how much was cut between them.
 */
public final class OutputCap {

    public static final int KEEP = 32 * 1024;

    private final int keep;
    private final byte[] head;
    private final byte[] tail;
    private int headSize;
    private long total;

    /** Keeps the first and last {@link #KEEP} bytes. */
    public OutputCap() {
        this(KEEP);
    }

    /** Keeps the first and last {@code keep} bytes. */
    public OutputCap(int keep) {
        this.keep = keep;
        this.head = new byte[keep];
        this.tail = new byte[keep];
    }

    /** Reads {@code in} to its end, or until it is closed: killing a process closes the pipe its output comes through. */
    public synchronized void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                append(buffer, n);
            }
        } catch (IOException closed) {
            // What came before it is kept.
        }
    }

    private void append(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            if (headSize < keep) {
                head[headSize++] = bytes[i];
            } else {
                tail[(int) ((total - keep) % keep)] = bytes[i];
            }
            total++;
        }
    }

    /** The kept text, with a "cut N bytes" marker where the middle was dropped. */
    public synchronized String text() {
        String start = new String(head, 0, headSize, StandardCharsets.UTF_8);
        if (total <= keep) {
            return start;
        }
        long tailBytes = Math.min(total - keep, keep);
        byte[] end = new byte[(int) tailBytes];
        long from = total - tailBytes;
        for (int i = 0; i < tailBytes; i++) {
            end[i] = tail[(int) ((from + i - keep) % keep)];
        }
        long cut = total - keep - tailBytes;
        return start + (cut > 0 ? String.format("%n[… cut %d bytes …]%n", cut) : "") + new String(end, StandardCharsets.UTF_8);
    }
}
