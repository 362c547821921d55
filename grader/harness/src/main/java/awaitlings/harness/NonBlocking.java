package awaitlings.harness;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Proves that a call returns without waiting for a reply, by structure rather than by stopwatch: the test holds
 * the fake's replies back ({@link FakeRemote.Builder#held()}), so a call that returns has not waited for them.
 * One that waits can only come back after the test releases the replies, and fails here after a long patience.
 */
public final class NonBlocking {

    /** Far longer than any non-blocking call needs, even on a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private NonBlocking() {
    }

    /**
     * Runs {@code call} and returns what it returned, provided it returns while replies are held back.
     * What it throws is rethrown as it is.
     *
     * @param what how the learner knows the call, e.g. {@code "orderWithBuzzer(\"latte\")"}
     */
    public static <T> T returnsWhileHeld(String what, ThrowingSupplier<T> call) {
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return call.get();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable other) {
                throw new ExecutionException(other);
            }
        });
        Thread caller = ToolThreads.start("awaitlings-caller", task);
        try {
            return task.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            throw new AssertionError(Messages.shouldReturnWithoutWaiting(what, PATIENCE,
                    StackReport.of(caller, caller.getStackTrace())));
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Like {@link #returnsWhileHeld}, for a call that must return a future: returning {@code null} fails too.
     *
     * @param what how the learner knows the call, e.g. {@code "pricesAt(shop-a, shop-b)"}
     */
    public static <T> CompletableFuture<T> returnsFutureWhileHeld(String what, ThrowingSupplier<CompletableFuture<T>> call) {
        CompletableFuture<T> future = returnsWhileHeld(what, call);
        if (future == null) {
            throw new AssertionError(Messages.shouldReturnAFuture(what));
        }
        return future;
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new AssertionError("threw " + failure, failure);
    }
}
