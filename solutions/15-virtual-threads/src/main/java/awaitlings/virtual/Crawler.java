package awaitlings.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Fetches many catalog pages in plain blocking code, one virtual thread per page. A virtual thread that waits for
 * the server gives its carrier thread back to the JVM, so 10 000 of them wait at once for the price of a few platform
 * threads: the myth that "one thread can't do much" is about platform threads.
 */
public class Crawler {

    private final Catalog catalog;

    public Crawler(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Tasks 1 and 3 · fetches every path at the same time, each on a virtual thread of its own, and returns the pages
     * in the order of {@code paths}. If a fetch fails, this throws an {@link ExecutionException} whose cause is that
     * failure, once every other fetch has ended. If the calling thread is interrupted, every fetch is interrupted, and
     * this throws {@link InterruptedException} once they have ended.
     */
    public List<String> fetchAll(List<String> paths) throws InterruptedException, ExecutionException {
        return fetchAll(paths, Integer.MAX_VALUE);
    }

    /**
     * Tasks 2 and 3 · the same, with at most {@code limit} fetches at once. Each fetch still has a virtual thread of its
     * own; a {@link Semaphore} of {@code limit} permits, not a pool of {@code limit} threads, keeps the rest waiting.
     * A fetch gives its permit back however it ends.
     */
    public List<String> fetchAll(List<String> paths, int limit) throws InterruptedException, ExecutionException {
        Semaphore permits = new Semaphore(limit);
        // Closing waits for every thread it started: no fetch outlives this call, however it ends.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> pages = new ArrayList<>();
            for (String path : paths) {
                pages.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return catalog.get(path);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<String> result = new ArrayList<>();
            try {
                for (Future<String> page : pages) {
                    result.add(page.get());
                }
            } catch (InterruptedException interrupted) {
                // close() would wait for fetches nobody wants any more: stop them first.
                threads.shutdownNow();
                throw interrupted;
            }
            return result;
        }
    }
}
