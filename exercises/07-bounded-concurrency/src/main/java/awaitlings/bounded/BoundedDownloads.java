package awaitlings.bounded;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Downloads many pages on a pool of threads, but never more than {@code limit} at once: the server allows only that
 * many connections per client, like {@code asyncio.Semaphore(limit)} around each download. The limit holds across
 * every call of this object, and while pages wait, exactly {@code limit} downloads are running.
 */
public class BoundedDownloads {

    private final Downloader downloader;
    private final Executor pool;
    private final int limit;

    /**
     * @param downloader downloads one page, blocking the thread that calls it
     * @param pool       the threads the downloads run on; it may have more threads than the limit
     * @param limit      the most downloads that may run at once, for every call of this object together
     */
    public BoundedDownloads(Downloader downloader, Executor pool, int limit) {
        this.downloader = downloader;
        this.pool = pool;
        // TODO: task 2 — the limit becomes permits that every download of this object shares: a Semaphore.
        this.limit = limit;
    }

    /**
     * Task 1 to 3 · downloads every page on the pool and returns at once with the future of the pages, in the order
     * of {@code urls}. At most {@code limit} downloads run at once, and exactly {@code limit} while pages wait.
     * If a download fails, the future fails with its exception (as the cause), and its permit is given back.
     * When the pool is shut down, downloads still waiting for a permit stop waiting, and the future fails with a
     * {@link java.util.concurrent.CancellationException}.
     *
     * <pre>{@code new BoundedDownloads(downloader, pool, 2).downloadAll(List.of("/a", "/b", "/c")).join()   // [page /a, …]}</pre>
     */
    public CompletableFuture<List<String>> downloadAll(List<String> urls) {
        // TODO: task 1 — start one download per url on the pool (supplyAsync(..., pool)), then gather them in order.
        // TODO: task 2 — before each download, take a permit; when it is done, give the permit back.
        // TODO: task 3 — a download that throws must give its permit back too: try/finally.
        throw new UnsupportedOperationException("Implement BoundedDownloads.downloadAll() — tasks 1 to 3");
    }
}
