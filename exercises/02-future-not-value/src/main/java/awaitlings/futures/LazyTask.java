package awaitlings.futures;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Task 4: work that starts only when someone asks for it, like a Python coroutine object that does nothing until
 * awaited — unlike {@code CompletableFuture.supplyAsync}, which starts the work the moment you call it.
 * Once started, it is started for good: every {@link #start()} hands out the same future, even from many threads.
 */
public class LazyTask<T> {

    // TODO: keep the work for later, and the future once the work has started.

    private LazyTask(Supplier<CompletableFuture<T>> work) {
        // TODO: remember the work — but do not call it here.
    }

    /** A task that will run {@code work} when first started; calls nothing yet. */
    public static <T> LazyTask<T> of(Supplier<CompletableFuture<T>> work) {
        // TODO: make the task; the work must not be called yet.
        throw new UnsupportedOperationException("Implement LazyTask.of() — task 4");
    }

    /**
     * Starts the work if it has not started yet and returns its future at once, without waiting for it.
     * Every later call (from any thread) returns that same future and does not run the work again.
     */
    public CompletableFuture<T> start() {
        // TODO: call the work the first time only, remember its future, and return it. Mind two threads at once.
        throw new UnsupportedOperationException("Implement LazyTask.start() — task 4");
    }
}
