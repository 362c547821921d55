package awaitlings.backpressure;

import java.util.concurrent.BlockingQueue;

/**
 * Tells the uploaders that the logs have ended: counts the sources still being read, and once the last of them has
 * ended puts {@link #END} into the queue, after every line of every source. Each producer calls
 * {@link #sourceEnded()} when its source has ended, and several may call it at the same moment.
 */
public final class EndOfLogs {

    /** The end marker: put in the queue once every source has ended. Compare it with {@code ==}. */
    public static final String END = new String("end of the logs");

    private final int sources;
    private final BlockingQueue<String> queue;

    /**
     * @param sources how many sources are being read; with none, the logs have ended already, and {@link #END} goes
     *                into the queue at once
     * @param queue   the queue the uploaders take lines from
     */
    public EndOfLogs(int sources, BlockingQueue<String> queue) {
        this.sources = sources;
        this.queue = queue;
        // TODO: task 3 — with no sources at all, the logs have ended already.
    }

    /**
     * Task 3 · a source has ended. The call for the last source to end puts {@link #END} into the queue, waiting
     * while the queue is full; every other call puts nothing. Exactly one call is the last, even when two sources
     * end at the same moment.
     */
    public void sourceEnded() throws InterruptedException {
        // TODO: task 3 — count this source as ended; the last one puts END in. Two producers may call this at the
        //  same moment: counting and asking "was that the last?" must be one step.
        throw new UnsupportedOperationException("Implement EndOfLogs.sourceEnded() — task 3");
    }
}
