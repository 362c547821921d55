package awaitlings.futures;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Task 4: work that starts only when someone asks for it, like a Python coroutine object that does nothing until
 * awaited — unlike {@code CompletableFuture.supplyAsync}, which starts the work the moment you call it.
 * Once started, it is started for good: every {@link #start()} hands out the same future, even from many threads.
 */
public class LazyTask<T> {

    private final Supplier<CompletableFuture<T>> work;
    private volatile CompletableFuture<T> started; // null until the first start(); written under this

    private LazyTask(Supplier<CompletableFuture<T>> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task that will run {@code work} when first started; calls nothing yet. */
    public static <T> LazyTask<T> of(Supplier<CompletableFuture<T>> work) {
        return new LazyTask<>(work);
    }

    /**
     * Starts the work if it has not started yet and returns its future at once, without waiting for it.
     * Every later call (from any thread) returns that same future and does not run the work again.
     */
    public CompletableFuture<T> start() {
        // Double-checked: no lock once started; the first start() checks again under the lock before it starts.
        CompletableFuture<T> future = started;
        if (future == null) {
            synchronized (this) {
                future = started;
                if (future == null) {
                    future = work.get();
                    started = future;
                }
            }
        }
        return future;
    }
}
