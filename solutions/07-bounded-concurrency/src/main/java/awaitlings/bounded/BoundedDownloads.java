package awaitlings.bounded;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Downloads many pages on a pool of threads, but never more than {@code limit} at once: the server allows only that
 * many connections per client, like {@code asyncio.Semaphore(limit)} around each download. The limit holds across
 * every call of this object, and while pages wait, exactly {@code limit} downloads are running.
 */
public class BoundedDownloads {

    private final Downloader downloader;
    private final Executor pool;
    private final Semaphore permits;

    /**
     * @param downloader downloads one page, blocking the thread that calls it
     * @param pool       the threads the downloads run on; it may have more threads than the limit
     * @param limit      the most downloads that may run at once, for every call of this object together
     */
    public BoundedDownloads(Downloader downloader, Executor pool, int limit) {
        this.downloader = downloader;
        this.pool = pool;
        // One set of permits for the object, so that the limit holds across calls.
        this.permits = new Semaphore(limit);
    }

    /**
     * Task 1 to 3 · downloads every page on the pool and returns at once with the future of the pages, in the order
     * of {@code urls}. At most {@code limit} downloads run at once, and exactly {@code limit} while pages wait.
     * If a download fails, the future fails with its exception (as the cause), and its permit is given back.
     * When the pool is shut down, downloads still waiting for a permit stop waiting, and the future fails with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public CompletableFuture<List<String>> downloadAll(List<String> urls) {
        List<CompletableFuture<String>> pages = urls.stream()
                .map(url -> CompletableFuture.supplyAsync(() -> withPermit(url), pool))
                .toList();
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> pages.stream().map(CompletableFuture::join).toList());
    }

    private String withPermit(String url) {
        try {
            // Waits on a pool thread while the limit is reached; the next page goes as soon as a permit is free.
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the download of " + url + " was cancelled while it waited for a permit");
        }
        try {
            return downloader.download(url);
        } finally {
            // Also when the download throws: a permit not given back is a connection lost for good.
            permits.release();
        }
    }
}
