package awaitlings.taskgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

public class TaskGroup implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private Throwable firstFailure;
    private boolean closed;

    public <T> Subtask<T> fork(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Task group is closed");
            }
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                    fail(failure);
                }
            }));
        }
        return () -> {
            if (!result.isDone() || result.isCompletedExceptionally()) {
                throw new IllegalStateException("the task has not completed with a result");
            }
            return result.join();
        };
    }

    private synchronized void fail(Throwable failure) {
        if (firstFailure == null) {
            firstFailure = failure;
            threads.forEach(Thread::interrupt);
        }
    }

    public void join() throws InterruptedException, ExecutionException {
        List<Thread> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(threads);
        }
        try {
            for (Thread thread : all) {
                thread.join();
            }
        } catch (InterruptedException interrupted) {
            close();
            throw interrupted;
        }
        Throwable failure;
        synchronized (this) {
            failure = firstFailure;
        }
        if (failure != null) {
            throw new ExecutionException(failure);
        }
    }

    @Override
    public void close() {
        List<Thread> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(threads);
        }
        all.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread thread : all) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
