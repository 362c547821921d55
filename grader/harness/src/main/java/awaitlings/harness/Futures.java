package awaitlings.harness;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting in tests for a future the learner's code returned — tests may wait, the code under test must not.
 * The bound is generous ({@link #PATIENCE}) and only ever ends a test that would otherwise hang; it decides nothing
 * about speed. Every outcome the test did not expect fails with a message that says what happened.
 */
public final class Futures {

    /** Far longer than any released reply needs, even on a loaded machine; well inside the 10 s hang guard. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private Futures() {
    }

    /**
     * The value {@code future} completes with.
     *
     * @param what how the learner knows the call that returned the future, e.g. {@code "checkout(\"s1\")"}
     */
    public static <T> T valueOf(String what, CompletableFuture<T> future) {
        if (future == null) {
            throw new AssertionError(Messages.shouldReturnAFuture(what));
        }
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException open) {
            throw new AssertionError(Messages.shouldComplete(what, PATIENCE, future));
        } catch (ExecutionException failed) {
            throw new AssertionError(Messages.shouldSucceed(what, unwrap(failed)), unwrap(failed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /**
     * The exception {@code future} fails with, unwrapped from {@link CompletionException}/{@link ExecutionException}.
     *
     * @param what how the learner knows the call that returned the future
     */
    public static Throwable failureOf(String what, CompletableFuture<?> future) {
        if (future == null) {
            throw new AssertionError(Messages.shouldReturnAFuture(what));
        }
        try {
            Object value = future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(Messages.shouldFail(what, value));
        } catch (TimeoutException open) {
            throw new AssertionError(Messages.shouldFailInTime(what, PATIENCE));
        } catch (ExecutionException failed) {
            return unwrap(failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Whether {@code future} is done, or becomes done within {@link #PATIENCE} without the test doing anything more:
     * at once when its last step ran on the thread that completed it, a moment later when it runs on another thread.
     * On a {@link ManualScheduler}, this tells "done at this virtual time" from "still waiting".
     */
    public static boolean settles(CompletableFuture<?> future) {
        try {
            future.handle((value, failure) -> null).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException open) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("handle() never fails", impossible);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a future to settle", e);
        }
    }

    /** The exception inside the wrappers that futures add: {@link ExecutionException} and {@link CompletionException}. */
    public static Throwable unwrap(Throwable failure) {
        Throwable inner = failure;
        while ((inner instanceof ExecutionException || inner instanceof CompletionException) && inner.getCause() != null) {
            inner = inner.getCause();
        }
        return inner;
    }
}
