package awaitlings.harness;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A blocking call under test, run on a daemon thread of its own, so that a call stuck for good fails its check
 * after {@link Futures#PATIENCE} instead of holding up the whole run, and so that a check can interrupt the caller.
 *
 * <pre>{@code String copy = CallerThread.start("fastest()", () -> race.fastest(file)).result(() -> "still waiting …");}</pre>
 */
public final class CallerThread<T> {

    private final FutureTask<T> task;
    private final Thread thread;
    private volatile boolean endedInterrupted;

    private CallerThread(String what, Callable<T> call) {
        this.task = new FutureTask<>(() -> {
            try {
                return call.call();
            } finally {
                endedInterrupted = Thread.currentThread().isInterrupted();
            }
        });
        this.thread = new Thread(task, "caller of " + what);
        thread.setDaemon(true);
    }

    /** Starts {@code call} now, on a thread named {@code "caller of <what>"}. */
    public static <T> CallerThread<T> start(String what, Callable<T> call) {
        CallerThread<T> caller = new CallerThread<>(what, call);
        caller.thread.start();
        return caller;
    }

    /** Interrupts the caller, as a program does that wants it to stop waiting. */
    public void interrupt() {
        thread.interrupt();
    }

    /**
     * What the call returned, after waiting at most {@link Futures#PATIENCE}; what it threw is rethrown as it is
     * (a checked exception inside an {@link AssertionError}).
     *
     * @param stuck the message when the call was still running then
     */
    public T result(Supplier<String> stuck) {
        try {
            return task.get(Futures.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new AssertionError(stuck.get());
        } catch (ExecutionException thrown) {
            Throwable failure = thrown.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new AssertionError("threw " + failure, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }

    /** Whether the caller's interrupt flag was still set when the call ended (read after {@link #result}). */
    public boolean endedInterrupted() {
        return endedInterrupted;
    }
}
