package awaitlings.run;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an async main to completion, like Python's {@code asyncio.run(main())}: every call gets an executor of its
 * own, waits for main's result, returns it, and always shuts that executor down again, also when main fails.
 *
 * <pre>{@code
 * String order = AsyncRunner.run(executor -> CompletableFuture.supplyAsync(() -> "latte", executor));
 * }</pre>
 */
public class AsyncRunner {

    private AsyncRunner() {
    }

    /**
     * Runs {@code main} on a fresh executor of a few threads, waits for the future main returns, and returns its
     * value. The executor is shut down before run returns, however main ended. When main fails, run throws the
     * exception (or Error) main failed with, not the {@code CompletionException} around it. A checked exception
     * cannot leave run undeclared, so it stays in the {@code CompletionException} that {@code join()} wraps around
     * it: its cause is the original.
     */
    public static <T> T run(AsyncMain<T> main) {
        // A new executor per call, like the new event loop of each asyncio.run: one that was shut down cannot be reused.
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            return main.start(executor).get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } finally {
            // shutdown, not shutdownNow: the threads end once their tasks are done.
            executor.shutdown();
        }
    }
}
