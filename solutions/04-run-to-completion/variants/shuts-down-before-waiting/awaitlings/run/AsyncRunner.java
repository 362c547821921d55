package awaitlings.run;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** Enough threads for main to run a few tasks at the same time. */
    private static final int WORKERS = 4;

    private AsyncRunner() {
    }

    /**
     * Runs {@code main} on a fresh executor of a few threads, waits for the future main returns, and returns its
     * value. The executor is shut down once main's future is done (main's later steps may run on it), before run
     * returns, however main ended. When main fails, run throws the
     * exception (or Error) main failed with, not the {@code CompletionException} around it. A checked exception
     * cannot leave run undeclared, so it stays in the {@code CompletionException} that {@code join()} wraps around
     * it: its cause is the original.
     */
    public static <T> T run(AsyncMain<T> main) {
        // A new executor per call, like the new event loop of each asyncio.run: one that was shut down cannot be reused.
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS);
        CompletableFuture<T> result;
        try {
            result = Objects.requireNonNull(main.start(executor), "main returned null, not a future");
        } finally {
            // Shuts down as soon as main has handed out its work: the tasks already queued still run, later ones not.
            executor.shutdown();
        }
        try {
            return result.join();
        } catch (CompletionException wrapped) {
            throw original(wrapped);
        }
    }

    /** What main failed with, when it may be thrown as it is; otherwise the wrapper, whose cause it is. */
    private static RuntimeException original(CompletionException wrapped) {
        Throwable cause = wrapped.getCause();
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return wrapped;
    }
}
