package awaitlings.offload;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Serves report pages on a server's event loop. Every request's handler runs on the loop's one thread, so nothing in
 * it may block that thread: a blocked loop serves nobody. Loading a report blocks, so it goes to the workers, like
 * asyncio's {@code run_in_executor}; the page is rendered back on the loop, which owns the template and the cache.
 */
public class ReportHandler {

    private final Executor loop;
    private final Executor workers;
    private final ReportArchive archive;
    private final PageTemplate template;
    /** Pages rendered so far, by report name. Only the loop's thread touches it, so it needs no lock. */
    private final Map<String, String> cache = new HashMap<>();

    /**
     * @param loop     the server's event loop: one thread, which calls {@link #handle} and owns the template and the cache
     * @param workers  threads for blocking work
     * @param archive  where reports are loaded from, blocking
     * @param template renders a page; use it on the loop only
     */
    public ReportHandler(Executor loop, Executor workers, ReportArchive archive, PageTemplate template) {
        this.loop = loop;
        this.workers = workers;
        this.archive = archive;
        this.template = template;
    }

    /**
     * Tasks 1 to 3 · called on the loop's thread for each request; returns at once with the future of the page.
     * The report is loaded on the workers; once it is there, the page is rendered on the loop and kept in the cache.
     * A page in the cache is returned at once, already complete, without asking the archive or the workers. When
     * loading fails, the future fails with the archive's exception (as its cause), and nothing is cached.
     */
    public CompletableFuture<String> handle(String name) {
        // TODO: task 1 — archive.load blocks: run it on the workers, and return at once with a future.
        // TODO: task 2 — once the report is there, render the page on the loop (the template is the loop's).
        // TODO: task 3 — keep rendered pages in the cache (on the loop), and answer from it when you can.
        throw new UnsupportedOperationException("Implement ReportHandler.handle() — tasks 1 to 3");
    }
}
