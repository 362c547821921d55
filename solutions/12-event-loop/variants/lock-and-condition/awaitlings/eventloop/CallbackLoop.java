package awaitlings.eventloop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public class CallbackLoop implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final List<ScheduledFuture<?>> alarms = new ArrayList<>();
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private int run;
    private boolean running;
    private boolean stopRequested;
    private boolean closed;

    public CallbackLoop(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public void callSoon(Runnable callback) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Event loop is closed");
            }
            ready.addLast(callback);
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    public <T> T runUntilComplete(CompletableFuture<T> future) throws InterruptedException {
        int myRun;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Event loop is closed");
            }
            if (running) {
                throw new IllegalStateException("This event loop is already running");
            }
            running = true;
            stopRequested = false;
            myRun = ++run;
        } finally {
            lock.unlock();
        }
        future.whenComplete((value, failure) -> wake(myRun));
        try {
            while (true) {
                Runnable next;
                lock.lock();
                try {
                    while (ready.isEmpty() && !stopRequested && !future.isDone()) {
                        workArrived.await();
                    }
                    if (stopRequested || future.isDone()) {
                        break;
                    }
                    next = ready.pollFirst();
                } finally {
                    lock.unlock();
                }
                try {
                    next.run();
                } catch (Throwable failure) {
                    Thread self = Thread.currentThread();
                    self.getUncaughtExceptionHandler().uncaughtException(self, failure);
                }
            }
        } finally {
            lock.lock();
            try {
                running = false;
            } finally {
                lock.unlock();
            }
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before the future completed");
        }
        try {
            return future.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }

    private void wake(int forRun) {
        lock.lock();
        try {
            if (running && run == forRun) {
                workArrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    public void callLater(Duration delay, Runnable callback) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Event loop is closed");
            }
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            self[0] = timer.schedule(() -> {
                lock.lock();
                try {
                    alarms.remove(self[0]);
                    ready.addLast(callback);
                    workArrived.signal();
                } finally {
                    lock.unlock();
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            alarms.add(self[0]);
        } finally {
            lock.unlock();
        }
    }

    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Event loop is closed");
            }
            pending.add(result);
            ready.addLast(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
            workArrived.signal();
        } finally {
            lock.unlock();
        }
        result.whenComplete((value, failure) -> forget(result));
        return result;
    }

    private void forget(CompletableFuture<?> done) {
        lock.lock();
        try {
            pending.remove(done);
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        lock.lock();
        try {
            if (running) {
                // The callbacks already queued still run in this run: the request waits behind them.
                ready.addLast(() -> {
                    lock.lock();
                    try {
                        stopRequested = true;
                    } finally {
                        lock.unlock();
                    }
                });
                workArrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<?>> dropped;
        lock.lock();
        try {
            if (running) {
                throw new IllegalStateException("Cannot close a running event loop");
            }
            closed = true;
            alarms.forEach(alarm -> alarm.cancel(false));
            alarms.clear();
            ready.clear();
            dropped = new ArrayList<>(pending);
            pending.clear();
        } finally {
            lock.unlock();
        }
        dropped.forEach(future -> future.cancel(false));
    }

    public boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
