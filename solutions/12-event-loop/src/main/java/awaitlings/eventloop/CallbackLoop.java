package awaitlings.eventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An event loop as asyncio has one: callbacks run one at a time, in the order they were queued, on the thread that
 * runs the loop; timers wait on the timer the loop was given; other threads hand it work with {@link #submit}.
 * The loop has no thread of its own: it runs on the thread that calls {@link #runUntilComplete}, while that call lasts.
 * Every method may be called from any thread.
 */
public class CallbackLoop implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final BlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private final Set<ScheduledFuture<?>> alarms = new HashSet<>(); // guarded by lock
    private Stop stopping;   // guarded by lock: the marker that ends the current run, or null when not running
    private boolean closed;  // guarded by lock

    /** @param timer the only clock the loop waits on: every {@link #callLater} becomes a task on it */
    public CallbackLoop(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Task 1 · queues {@code callback} to run on the loop, after every callback queued before it.
     *
     * @throws IllegalStateException with the message {@code "Event loop is closed"} once the loop was closed
     */
    public void callSoon(Runnable callback) {
        synchronized (lock) {
            refuseIfClosed();
            ready.add(callback);
        }
    }

    /**
     * Task 1 · runs the loop on the calling thread until {@code future} is done, whoever completes it, and returns its
     * value. Callbacks run one at a time, in the order they were queued; while none is ready, the thread sleeps
     * until one is. A callback that throws does not stop the loop: what it threw goes to the uncaught-exception
     * handler of the thread running the loop. When the future failed, this throws its exception as it is (a
     * checked one inside a {@link CompletionException}).
     *
     * @throws IllegalStateException         {@code "Event loop is closed"} on a closed loop, {@code "This event loop
     *                                       is already running"} while it runs, and {@code "Event loop stopped before
     *                                       the future completed"} after {@link #stop()}
     * @throws InterruptedException          when the thread running the loop is interrupted while it waits; the loop
     *                                       then no longer runs, and what was queued stays queued
     */
    public <T> T runUntilComplete(CompletableFuture<T> future) throws InterruptedException {
        Stop stop = new Stop();
        synchronized (lock) {
            refuseIfClosed();
            if (stopping != null) {
                throw new IllegalStateException("This event loop is already running");
            }
            stopping = stop;
        }
        // Completed by a callback or by another thread: either way the loop must wake up and end this run.
        future.whenComplete((value, failure) -> ready.add(stop));
        try {
            // A marker left over from an earlier run is not this run's: running it does nothing.
            for (Runnable next = ready.take(); next != stop; next = ready.take()) {
                runSafely(next);
            }
        } finally {
            synchronized (lock) {
                stopping = null;
            }
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before the future completed");
        }
        return valueOf(future);
    }

    /**
     * Task 2 · runs {@code callback} on the loop once {@code delay} has passed on the timer, never before. Timers run
     * in the order of their deadlines; two due at once run in the order they were asked for.
     *
     * @throws IllegalStateException {@code "Event loop is closed"} once the loop was closed
     */
    public void callLater(Duration delay, Runnable callback) {
        synchronized (lock) {
            refuseIfClosed();
            Alarm alarm = new Alarm(callback);
            alarm.scheduled = timer.schedule(alarm, delay.toNanos(), TimeUnit.NANOSECONDS);
            alarms.add(alarm.scheduled);
        }
    }

    /**
     * Task 3 · queues {@code task} from any thread, waking the loop if it waits, and returns at once with the future
     * of its result. The task runs on the loop; the future fails with what the task throws.
     *
     * @throws IllegalStateException {@code "Event loop is closed"} once the loop was closed
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        Submitted<T> submitted = new Submitted<>(task);
        callSoon(submitted);
        return submitted.result;
    }

    /**
     * Task 4 · ends the current {@link #runUntilComplete} once the callbacks queued before this call have run; the
     * ones queued after it stay queued for the next run. Does nothing when the loop is not running.
     */
    public void stop() {
        synchronized (lock) {
            if (stopping != null) {
                ready.add(stopping);
            }
        }
    }

    /**
     * Task 4 · closes the loop: what is still queued is dropped (the futures of submitted tasks are cancelled) and
     * every timer it asked for is cancelled on the timer. From then on every method that schedules or runs work
     * throws {@code IllegalStateException("Event loop is closed")}. Closing a closed loop again does no harm.
     *
     * @throws IllegalStateException {@code "Cannot close a running event loop"} while the loop runs
     */
    @Override
    public void close() {
        List<Runnable> dropped = new ArrayList<>();
        synchronized (lock) {
            if (stopping != null) {
                throw new IllegalStateException("Cannot close a running event loop");
            }
            closed = true;
            alarms.forEach(alarm -> alarm.cancel(false));
            ready.drainTo(dropped);
        }
        for (Runnable callback : dropped) {
            if (callback instanceof Submitted<?> task) {
                task.result.cancel(false);
            }
        }
    }

    /** Whether a thread is running the loop right now. */
    public boolean isRunning() {
        synchronized (lock) {
            return stopping != null;
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private static void runSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error failure) {
            // One callback's failure is reported, never the end of the loop that runs the others.
            Thread loopThread = Thread.currentThread();
            loopThread.getUncaughtExceptionHandler().uncaughtException(loopThread, failure);
        }
    }

    private static <T> T valueOf(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException wrapped) {
            Throwable cause = wrapped.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }

    /** Ends the run it was made for; one left over from an earlier run does nothing. */
    private static final class Stop implements Runnable {
        @Override
        public void run() {
        }
    }

    /** A timer's task on the timer thread: it only moves the callback to the loop, which runs it. */
    private final class Alarm implements Runnable {
        private final Runnable callback;
        private ScheduledFuture<?> scheduled; // set under lock before the timer can run it

        Alarm(Runnable callback) {
            this.callback = callback;
        }

        @Override
        public void run() {
            synchronized (lock) {
                alarms.remove(scheduled);
                ready.add(callback);
            }
        }
    }

    /** A task from {@link #submit}, with the future of its result. */
    private static final class Submitted<T> implements Runnable {
        private final Callable<T> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Submitted(Callable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }
    }
}
