package awaitlings.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} on virtual time: nothing runs until the test moves the clock with
 * {@link #advanceBy} or {@link #advanceTo}, and then every task that has come due runs, in the order of its due time
 * (first scheduled first when two are due at once), each at exactly its due time. A two-second backoff takes no time
 * at all, and a check can say to the millisecond when it happened.
 *
 * <p>Tasks run on one timer thread, as on a real single-threaded scheduler; a task that blocks it fails the advance
 * with where it is stuck. {@link #execute} runs a task at the current virtual time, on the next advance.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** How long an advance may take in real time before a task that blocks the timer is reported. */
    static final Duration PATIENCE = Duration.ofSeconds(3);
    static final String THREAD_NAME = "virtual-timer";

    private final VirtualClock clock = new VirtualClock();
    private final PriorityQueue<Timer<?>> queue = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private final CallLog tasks = new CallLog(clock::nanos);
    private final ThreadPoolExecutor runner;
    private volatile Thread timerThread;
    private long sequence;
    private boolean shutdown;

    public ManualScheduler() {
        // One thread that ends when idle, so that many schedulers in one test run leave no threads behind.
        runner = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        runner.allowCoreThreadTimeOut(true);
    }

    /** The clock this scheduler moves; code under test may read it as a {@link java.time.Clock}. */
    public VirtualClock clock() {
        return clock;
    }

    /** The virtual time now. */
    public Duration now() {
        return clock.elapsed();
    }

    /** Moves the clock forward by {@code step}, running every task that comes due on the way. */
    public void advanceBy(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, but the step was " + step);
        }
        advanceTo(now().plus(step));
    }

    /**
     * Moves the clock to {@code time} (since the clock was made), running every task due by then in due order.
     *
     * @throws AssertionError when a task blocks the timer thread, saying where it is stuck
     */
    public void advanceTo(Duration time) {
        if (Thread.currentThread() == timerThread) {
            throw new IllegalStateException("move the clock from the test, not from a task running on the timer");
        }
        if (time.compareTo(now()) < 0) {
            throw new IllegalArgumentException("the clock only moves forward, but it is at " + now().toMillis()
                    + " ms and was asked to go to " + time.toMillis() + " ms");
        }
        Future<?> advance = runner.submit(() -> runUntil(time.toNanos()));
        try {
            advance.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            Thread thread = timerThread;
            throw new AssertionError(TimerMessages.shouldNotBlockTheTimer(now(), PATIENCE,
                    StackReport.of(thread, thread.getStackTrace())));
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("the timer failed", impossible.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while moving the clock to " + time.toMillis() + " ms", e);
        }
    }

    /** How many tasks the code under test scheduled that have neither run nor been cancelled. */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> t.counted).count();
    }

    /** Every delay the code under test asked for with {@code schedule…}, in the order it asked. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /**
     * The tasks the code under test scheduled, on the timer's row and virtual time: each from when it was scheduled
     * until it ran, failed or was cancelled, named by when it is due ("at 8000 ms", or "every 100 ms"), so that a chart
     * shows a task left behind still waiting.
     */
    public CallLog tasks() {
        return tasks;
    }

    private void runUntil(long target) {
        timerThread = Thread.currentThread();
        while (true) {
            Timer<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    break;
                }
                queue.poll();
            }
            clock.moveTo(next.due);
            next.run();
        }
        clock.moveTo(target);
    }

    /** A task for the harness's own fakes: it runs on virtual time, but is not counted as the learner's. */
    ScheduledFuture<?> scheduleQuietly(Runnable task, Duration delay) {
        return enqueue(new Timer<>(Executors.callable(task, null), delay.toNanos(), 0, false));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        return schedule(Executors.callable(command, null), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Objects.requireNonNull(callable, "callable");
        return enqueue(asked(new Timer<>(callable, unit.toNanos(delay), 0, true)));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, unit.toNanos(period), unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, -unit.toNanos(delay), unit);
    }

    private ScheduledFuture<?> periodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        if (period == 0) {
            throw new IllegalArgumentException("a periodic task needs a period above zero");
        }
        return enqueue(asked(new Timer<>(Executors.callable(command, null), unit.toNanos(initialDelay), period, true)));
    }

    /** Runs {@code command} at the current virtual time, on the next advance. */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        enqueue(new Timer<>(Executors.callable(command, null), 0, 0, true));
    }

    private synchronized <V> Timer<V> asked(Timer<V> timer) {
        delays.add(Duration.ofNanos(timer.due - clock.nanos()));
        return timer;
    }

    private synchronized <V> Timer<V> enqueue(Timer<V> timer) {
        if (shutdown) {
            throw new RejectedExecutionException("the scheduler was shut down");
        }
        queue.add(timer);
        if (timer.counted) {
            tasks.startedFor(timer.key, THREAD_NAME);
        }
        return timer;
    }

    private synchronized void requeue(Timer<?> timer) {
        if (!shutdown) {
            queue.add(timer);
        }
    }

    private synchronized void remove(Timer<?> timer) {
        queue.remove(timer);
    }

    /** Refuses new tasks; tasks already scheduled still run when the clock reaches them. */
    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    /** Refuses new tasks and drops the scheduled ones, returning them. */
    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = new ArrayList<>(queue);
        queue.clear();
        return dropped;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    /** Virtual time does not pass while a thread waits, so this answers at once. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A task due at a virtual time; periodic ones put themselves back after each run. */
    private final class Timer<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {

        private final long order;
        /** Zero for a one-shot task; above zero a fixed rate; below zero a fixed delay after each run. */
        private final long period;
        /** Whether the code under test scheduled it (the fakes' own replies are not counted). */
        private final boolean counted;
        private long due;
        /** How the task is named in {@link #tasks()}. */
        private final String key;
        private volatile boolean failed;

        Timer(Callable<V> task, long delayNanos, long period, boolean counted) {
            super(task);
            this.period = period;
            this.counted = counted;
            this.due = clock.nanos() + Math.max(0, delayNanos);
            this.key = period == 0 ? "at " + Duration.ofNanos(due).toMillis() + " ms"
                    : "every " + Duration.ofNanos(Math.abs(period)).toMillis() + " ms";
            synchronized (ManualScheduler.this) {
                this.order = sequence++;
            }
        }

        @Override
        protected void setException(Throwable failure) {
            failed = true;
            super.setException(failure);
        }

        /** Called once the task has run, failed or was cancelled (a periodic task: once it failed or was cancelled). */
        @Override
        protected void done() {
            if (counted) {
                tasks.ended(key, isCancelled() ? CallEvent.Kind.CANCELLED
                        : failed ? CallEvent.Kind.FAILED : CallEvent.Kind.RETURNED);
            }
        }

        @Override
        public boolean isPeriodic() {
            return period != 0;
        }

        @Override
        public void run() {
            if (!isPeriodic()) {
                super.run();
            } else if (runAndReset()) {
                due = period > 0 ? due + period : clock.nanos() - period;
                requeue(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                remove(this);
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - clock.nanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof ManualScheduler.Timer<?> timer) {
                int byDue = Long.compare(due, timer.due);
                return byDue != 0 ? byDue : Long.compare(order, timer.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
