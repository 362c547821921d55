package awaitlings.bounded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/** Correct, in another style: tasks handed to the pool by hand, each completing its own future, a loop to gather. */
public class BoundedDownloads {

    private final Downloader downloader;
    private final Executor pool;
    private final Semaphore permits;

    public BoundedDownloads(Downloader downloader, Executor pool, int limit) {
        this.downloader = downloader;
        this.pool = pool;
        this.permits = new Semaphore(limit, true);
    }

    public CompletableFuture<List<String>> downloadAll(List<String> urls) {
        List<CompletableFuture<String>> pages = new ArrayList<>();
        for (String url : urls) {
            CompletableFuture<String> page = new CompletableFuture<>();
            pool.execute(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    page.cancel(false);
                    return;
                }
                try {
                    page.complete(downloader.download(url));
                } catch (RuntimeException failed) {
                    page.completeExceptionally(failed);
                } finally {
                    permits.release();
                }
            });
            pages.add(page);
        }
        CompletableFuture<List<String>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (CompletableFuture<String> page : pages) {
            all = all.thenCombine(page, (sofar, next) -> {
                sofar.add(next);
                return sofar;
            });
        }
        return all;
    }
}
