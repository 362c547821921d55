package awaitlings.run;

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
     * value. The executor is shut down once main's future is done (main's later steps may run on it), before run
     * returns, however main ended. When main fails, run throws the
     * exception (or Error) main failed with, not the {@code CompletionException} around it. A checked exception
     * cannot leave run undeclared, so it stays in the {@code CompletionException} that {@code join()} wraps around
     * it: its cause is the original.
     */
    public static <T> T run(AsyncMain<T> main) {
        // TODO: task 1 — create an executor for this run (a small pool of threads), hand it to main.start(...),
        //       wait for the future main returns and return its value.
        // TODO: task 2 — shut the executor down every time: when main succeeds, when its future fails, and when
        //       main.start(...) itself throws.
        // TODO: task 3 — when main fails, rethrow the original exception, not the CompletionException join() wraps
        //       around it.
        // TODO: task 4 — make sure run can be called again and again: each call needs an executor of its own.
        throw new UnsupportedOperationException("Implement AsyncRunner.run() — tasks 1 to 4");
    }
}
