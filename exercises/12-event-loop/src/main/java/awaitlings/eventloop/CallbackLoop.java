package awaitlings.eventloop;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An event loop as asyncio has one: callbacks run one at a time, in the order they were queued, on the thread that
 * runs the loop; timers wait on the timer the loop was given; other threads hand it work with {@link #submit}.
 * The loop has no thread of its own: it runs on the thread that calls {@link #runUntilComplete}, while that call lasts.
 * Every method may be called from any thread.
 */
public class CallbackLoop implements AutoCloseable {

    private final ScheduledExecutorService timer;
    // TODO: task 1 — the queue of callbacks that are ready to run: one that many threads may add to at once, and that
    //  the loop's thread can sleep on until something is added (a BlockingQueue).
    // TODO: task 4 — whether the loop is running and whether it is closed, guarded by one lock.

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
        // TODO: task 1 — add the callback at the tail of the queue. Task 4: refuse it when the loop is closed.
        throw new UnsupportedOperationException("Implement CallbackLoop.callSoon() — task 1");
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
        // TODO: task 1 — take the callbacks one at a time (take() sleeps while the queue is empty) and run each, until
        //  the future is done. The future may complete on another thread while the loop sleeps: have it wake the loop
        //  (whenComplete adds something to the queue). Then return its value, or throw what it failed with.
        // TODO: task 4 — mark the loop running for as long as this runs (and refuse a closed or running loop).
        throw new UnsupportedOperationException("Implement CallbackLoop.runUntilComplete() — task 1");
    }

    /**
     * Task 2 · runs {@code callback} on the loop once {@code delay} has passed on the timer, never before. Timers run
     * in the order of their deadlines; two due at once run in the order they were asked for.
     *
     * @throws IllegalStateException {@code "Event loop is closed"} once the loop was closed
     */
    public void callLater(Duration delay, Runnable callback) {
        // TODO: task 2 — schedule a task on the timer that, when it is due, queues the callback for the loop. The
        //  timer's thread must not run the callback itself: only the loop runs callbacks.
        throw new UnsupportedOperationException("Implement CallbackLoop.callLater() — task 2");
    }

    /**
     * Task 3 · queues {@code task} from any thread, waking the loop if it waits, and returns at once with the future
     * of its result. The task runs on the loop; the future fails with what the task throws.
     *
     * @throws IllegalStateException {@code "Event loop is closed"} once the loop was closed
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        // TODO: task 3 — queue a callback that runs the task and completes a CompletableFuture with its result, or
        //  with what it threw; return that future at once.
        throw new UnsupportedOperationException("Implement CallbackLoop.submit() — task 3");
    }

    /**
     * Task 4 · ends the current {@link #runUntilComplete} once the callbacks queued before this call have run; the
     * ones queued after it stay queued for the next run. Does nothing when the loop is not running.
     */
    public void stop() {
        // TODO: task 4 — queue a marker that ends the current run when the loop takes it.
        throw new UnsupportedOperationException("Implement CallbackLoop.stop() — task 4");
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
        // TODO: task 4 — refuse while running; else mark the loop closed, cancel its timer tasks, drop what is queued.
        throw new UnsupportedOperationException("Implement CallbackLoop.close() — task 4");
    }

    /** Whether a thread is running the loop right now. */
    public boolean isRunning() {
        // TODO: task 4
        throw new UnsupportedOperationException("Implement CallbackLoop.isRunning() — task 4");
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        // TODO: task 4
        throw new UnsupportedOperationException("Implement CallbackLoop.isClosed() — task 4");
    }
}
