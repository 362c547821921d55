package awaitlings.taskgroup;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * A group of tasks that live and die together, like asyncio's {@code TaskGroup}: each forked task runs on a virtual
 * thread of its own; the first one to fail cancels the others, which see the interrupt; and no task outlives the
 * group. Use it in try-with-resources, and {@link #join()} before the end of the block.
 */
public class TaskGroup implements AutoCloseable {

    // TODO: task 1 — the group's threads: an executor that starts a virtual thread per task.
    // TODO: task 2 — the forked tasks' Futures, and the first failure (an AtomicReference).

    /**
     * Task 1 · starts {@code task} at once, on a virtual thread of its own, and returns the handle to its result.
     *
     * @throws IllegalStateException {@code "Task group is closed"} after {@link #join()} or {@link #close()}
     */
    public <T> Subtask<T> fork(Callable<T> task) {
        // TODO: task 1 — submit the task and return a Subtask for its Future (future::resultNow).
        // TODO: task 2 — wrap the task: when it fails, keep the first failure and cancel(true) every other task.
        throw new UnsupportedOperationException("Implement TaskGroup.fork() — tasks 1 and 2");
    }

    /**
     * Tasks 1 to 3 · waits until every task has ended, and closes the group to new tasks. When a task failed, the
     * first failure cancelled the others (their threads were interrupted), and this throws an
     * {@link ExecutionException} whose cause is that first failure, once every task has ended. If the calling thread
     * is interrupted, every task is cancelled, and this throws {@link InterruptedException} once they have ended.
     */
    public void join() throws InterruptedException, ExecutionException {
        // TODO: task 1 — wait until every task's thread has ended (shutdown(), then awaitTermination(...)).
        // TODO: task 2 — then throw new ExecutionException(first failure), if there was one.
        // TODO: task 3 — interrupted while waiting: stop every task, wait for them, and throw the InterruptedException on.
        throw new UnsupportedOperationException("Implement TaskGroup.join() — tasks 1 to 3");
    }

    /**
     * Task 3 · cancels every task still running (their threads are interrupted) and returns once each has ended.
     * After {@link #join()} there is none left, and this does nothing.
     */
    @Override
    public void close() {
        // TODO: task 3 — interrupt what still runs (shutdownNow()) and wait until every task has ended.
        throw new UnsupportedOperationException("Implement TaskGroup.close() — task 3");
    }
}
