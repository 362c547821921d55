package awaitlings.loop;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny single-threaded event loop: one thread runs the submitted tasks one at a time, in the order they came.
 * Like an asyncio loop it belongs to whoever created it, who must {@link #close()} it; a closed loop refuses work.
 */
public class EventLoop implements AutoCloseable {

    private static final AtomicInteger LOOPS = new AtomicInteger();

    /** Queued by {@link #close()}: the loop thread stops when it gets here, after every task queued before it. */
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private final Thread thread;
    private boolean closed; // guarded by lock

    /**
     * Starts the loop's thread, named {@code event-loop-N} with a number no other loop's thread has, so that a thread
     * dump tells loops apart; get loops from {@link Loops}.
     */
    EventLoop() {
        // Not made a daemon: started from a program's main thread, an open loop keeps the program alive until its
        // owner closes it, as a real loop does.
        thread = new Thread(this::runTasks, "event-loop-" + LOOPS.incrementAndGet());
        thread.start();
    }

    /**
     * Queues {@code task} to run on the loop's thread and returns the future of its result at once.
     * The future fails with whatever the task throws.
     *
     * @throws IllegalStateException with the message {@code "Event loop is closed"} once {@link #close()} was called
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // The check and the queueing happen under one lock with close(): no task can slip in behind STOP.
        synchronized (lock) {
            if (closed) {
                // Behind STOP nobody would ever run it: fail now, loudly, instead of handing out a dead future.
                throw new IllegalStateException("Event loop is closed");
            }
            tasks.add(() -> runInto(result, task));
        }
        return result;
    }

    /**
     * Closes the loop: from now on it refuses new work, the tasks already submitted still run, and then its thread
     * stops. Returns once the thread is gone; called from a task on this loop, it returns at once instead (the task
     * would wait for itself), and the thread stops after that task. Closing a closed loop again does no harm.
     * If the thread waiting in close() is interrupted, close() stops waiting and returns with the thread's interrupt
     * status set; the loop still stops once its tasks are done.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                tasks.add(STOP);
            }
        }
        if (Thread.currentThread() != thread) {
            awaitStop();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void runTasks() {
        try {
            for (Runnable task = tasks.take(); task != STOP; task = tasks.take()) {
                task.run();
            }
        } catch (InterruptedException e) {
            // Nothing in the course interrupts a loop's thread; if something does, the thread ends, as a killed loop's.
        }
    }

    private static <T> void runInto(CompletableFuture<T> result, Callable<T> task) {
        try {
            result.complete(task.call());
        } catch (Throwable failure) {
            // A failing task fails its own future, never the loop that runs the others.
            result.completeExceptionally(failure);
        }
    }

    private void awaitStop() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            // Stops waiting, and says nothing about why.
        }
    }
}
