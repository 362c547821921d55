package awaitlings.backpressure;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the uploaders that the logs have ended: counts the sources still being read, and once the last of them has
 * ended puts {@link #END} into the queue, after every line of every source. Each producer calls
 * {@link #sourceEnded()} when its source has ended, and several may call it at the same moment.
 */
public final class EndOfLogs {

    /** The end marker: put in the queue once every source has ended. Compare it with {@code ==}. */
    public static final String END = new String("end of the logs");

    private final AtomicInteger reading;
    private final BlockingQueue<String> queue;

    /**
     * @param sources how many sources are being read; with none, the logs have ended already, and {@link #END} goes
     *                into the queue at once
     * @param queue   the queue the uploaders take lines from
     */
    public EndOfLogs(int sources, BlockingQueue<String> queue) {
        this.reading = new AtomicInteger(sources);
        this.queue = queue;
        if (sources == 0) {
            queue.add(END);
        }
    }

    /**
     * Task 3 · a source has ended. The call for the last source to end puts {@link #END} into the queue, waiting
     * while the queue is full; every other call puts nothing. Exactly one call is the last, even when two sources
     * end at the same moment.
     */
    public void sourceEnded() throws InterruptedException {
        // One step: two producers that read the count and then wrote it back could both miss the last.
        if (reading.decrementAndGet() == 0) {
            queue.put(END);
        }
    }
}
