package awaitlings.backpressure;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Ships log lines from several sources to a slow log server, through one bounded queue: producers read the sources
 * and put their lines in; uploaders take them out and upload them. When the uploaders fall behind, the queue fills
 * and the producers wait: backpressure, like {@code asyncio.Queue(maxsize)}. Memory never holds more than the
 * queue's capacity of lines, however long the logs are.
 */
public class LogShipper {

    private final int capacity;
    private final int uploaders;

    /**
     * @param capacity  how many lines the queue holds at most
     * @param uploaders how many threads upload at once
     */
    public LogShipper(int capacity, int uploaders) {
        this.capacity = capacity;
        this.uploaders = uploaders;
    }

    /**
     * Tasks 1 to 4 · ships every line of every source and returns once all of them are uploaded and every thread
     * it started has ended. Each source has a producer thread of its own that reads its lines and puts them into one
     * queue of {@code capacity} lines, waiting while the queue is full; {@code uploaders} threads take lines out and
     * upload them. Every line is uploaded exactly once; with one uploader, each source's lines in the source's order.
     * If reading a source or an upload fails, every thread is stopped and this throws an {@link ExecutionException}
     * whose cause is that failure. If the calling thread is interrupted, every thread is stopped and this throws
     * {@link InterruptedException}.
     */
    public void ship(List<LogSource> sources, Uploader uploader) throws InterruptedException, ExecutionException {
        // TODO: task 1 — one ArrayBlockingQueue of `capacity` lines, and a producer thread per source that reads its
        //  lines and put()s them in (put waits while the queue is full: that is the backpressure).
        // TODO: task 2 — `uploaders` threads that take() lines and upload them.
        // TODO: task 3 — once every source has ended, tell the uploaders to stop after the last line: each producer
        //  calls sourceEnded() on one EndOfLogs, and each uploader that takes EndOfLogs.END passes it on and stops.
        //  Wait for every thread, and shut them down in a finally block.
        // TODO: task 4 — the first thread that fails ends the shipping: stop the others, and throw its failure.
        throw new UnsupportedOperationException("Implement LogShipper.ship() — tasks 1 to 4");
    }
}
