package awaitlings.backpressure;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(capacity);
        EndOfLogs end = new EndOfLogs(sources.size(), queue);
        int tasks = sources.size() + uploaders;
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        CompletionService<Void> work = new ExecutorCompletionService<>(threads);
        try {
            for (LogSource source : sources) {
                work.submit(() -> {
                    produce(source, queue);
                    // Not in a finally block: after a failure the shipping stops, and END could wait on a full queue.
                    end.sourceEnded();
                    return null;
                });
            }
            for (int i = 0; i < uploaders; i++) {
                work.submit(() -> {
                    consume(queue, uploader);
                    return null;
                });
            }
            // In the order they end: the first failure is seen at once, even while a producer waits on a full queue.
            for (int i = 0; i < tasks; i++) {
                work.take().get();
            }
        } finally {
            // Interrupts whatever still runs (a producer waiting on a full queue, an uploader waiting for a line).
            threads.shutdownNow();
            threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }

    private static void produce(LogSource source, BlockingQueue<String> queue) throws InterruptedException {
        for (String line = source.nextLine(); line != null; line = source.nextLine()) {
            queue.put(line);
        }
    }

    private static void consume(BlockingQueue<String> queue, Uploader uploader) throws InterruptedException {
        for (String line = queue.take(); line != EndOfLogs.END; line = queue.take()) {
            uploader.upload(line);
        }
        // Passed on to the next uploader; there is room, as this one just took it out.
        queue.put(EndOfLogs.END);
    }
}
