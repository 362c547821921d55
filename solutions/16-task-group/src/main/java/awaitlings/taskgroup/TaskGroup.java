package awaitlings.taskgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A group of tasks that live and die together, like asyncio's {@code TaskGroup}: each forked task runs on a virtual
 * thread of its own; the first one to fail cancels the others, which see the interrupt; and no task outlives the
 * group. Use it in try-with-resources, and {@link #join()} before the end of the block.
 */
public class TaskGroup implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> forked = new ArrayList<>(); // guarded by this
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private boolean closed;                                   // guarded by this

    /**
     * Task 1 · starts {@code task} at once, on a virtual thread of its own, and returns the handle to its result.
     *
     * @throws IllegalStateException {@code "Task group is closed"} after {@link #join()} or {@link #close()}
     */
    public synchronized <T> Subtask<T> fork(Callable<T> task) {
        if (closed) {
            throw new IllegalStateException("Task group is closed");
        }
        Future<T> future = threads.submit(() -> {
            try {
                return task.call();
            } catch (Exception | Error failure) {
                failed(failure);
                throw failure;
            }
        });
        forked.add(future);
        return future::resultNow;
    }

    /**
     * Tasks 1 to 3 · waits until every task has ended, and closes the group to new tasks. When a task failed, the
     * first failure cancelled the others (their threads were interrupted), and this throws an
     * {@link ExecutionException} whose cause is that first failure, once every task has ended. If the calling thread
     * is interrupted, every task is cancelled, and this throws {@link InterruptedException} once they have ended.
     */
    public void join() throws InterruptedException, ExecutionException {
        synchronized (this) {
            closed = true;
        }
        threads.shutdown();
        try {
            threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            close();
            throw interrupted;
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new ExecutionException(failure);
        }
    }

    /**
     * Task 3 · cancels every task still running (their threads are interrupted) and returns once each has ended.
     * After {@link #join()} there is none left, and this does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        threads.shutdownNow();
        // Waits until every task's thread has ended, its clean-up included.
        threads.close();
    }

    /** A failure cancels every task; only the first is the reason, not the later ones (the cancelled tasks' own). */
    private void failed(Throwable failure) {
        firstFailure.compareAndSet(null, failure);
        synchronized (this) {
            forked.forEach(task -> task.cancel(true));
        }
    }
}
