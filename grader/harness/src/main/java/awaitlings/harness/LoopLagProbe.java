package awaitlings.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A heartbeat on a loop: a tiny task handed to the loop every 10 ms, one at a time, that notes when it was sent and
 * when it ran. The time between the two is the loop's lag. A loop whose thread is free runs each beat at once; a loop
 * whose thread is blocked (a sleep, a join, a blocking call in a handler) runs none until it is free again. So "the
 * loop kept running while the work was held back" is decided by structure, by beats that ran or did not, and the lag
 * is only reported.
 *
 * <pre>{@code
 * try (LoopLagProbe heartbeat = LoopLagProbe.start("server loop", loop)) {
 *     loop.execute(() -> handler.handle("q3"));          // the archive holds the load back
 *     heartbeat.keptBeatingWhile("the report q3 was loading");
 * }
 * }</pre>
 */
public final class LoopLagProbe implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(10);
    /** Beats that must run for the loop to count as running: a blocked loop runs none. */
    static final int BEATS = 5;
    /** Far longer than a free loop needs for a few beats, even on a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /** The most beats a chart shows: enough for a check's whole patience. */
    private static final int MAX_KEPT = 1_000;

    private final String name;
    private final Executor loop;
    private final long origin = System.nanoTime();
    private final List<Long> ranAt = new ArrayList<>(); // guarded by this: when each beat ran, since origin
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(ToolThreads.factory("loop-heartbeat-"));
    private int beats;            // guarded by this
    private long waitingSince;    // guarded by this: when the beat not yet run was sent, or 0
    private long maxLagNanos;     // guarded by this
    private Thread loopThread;    // guarded by this
    private boolean closed;       // guarded by this

    private LoopLagProbe(String name, Executor loop) {
        this.name = name;
        this.loop = loop;
    }

    /**
     * Starts beating on {@code loop} and returns once the first beat has run, so that the loop's thread is known.
     *
     * @param name the loop as the learner knows it, e.g. {@code "server loop"}
     * @throws AssertionError when the loop runs no beat within a few seconds
     */
    public static LoopLagProbe start(String name, Executor loop) {
        LoopLagProbe probe = new LoopLagProbe(name, loop);
        probe.send();
        if (!probe.awaitBeats(1)) {
            probe.close();
            throw new AssertionError(LoopMessages.shouldStartBeating(name, PATIENCE));
        }
        return probe;
    }

    /**
     * Waits until the loop has run {@value #BEATS} more beats from now on.
     *
     * @param what what was going on meanwhile, e.g. {@code "the report q3 was loading"}
     * @param work the logs of the fakes the code called meanwhile, drawn with the beats on one time axis
     * @throws AssertionError when they did not run within a few seconds, with how long the loop has been stuck, a
     *                        timeline of the beats and the calls, and where its thread is
     */
    public void keptBeatingWhile(String what, CallLog... work) {
        int before;
        synchronized (this) {
            before = beats;
        }
        if (!awaitBeats(before + BEATS)) {
            long now = System.nanoTime();
            Thread thread;
            int ran;
            long stuckNanos;
            String timeline;
            synchronized (this) {
                thread = loopThread;
                ran = beats - before;
                stuckNanos = waitingSince == 0 ? 0 : now - waitingSince;
                timeline = TimelineChart.drawLoop(thread.getName(), ranAt, waitingSince == 0 ? -1 : waitingSince - origin,
                        now - origin, CallLog.merged(origin, work), PERIOD);
            }
            throw new AssertionError(LoopMessages.shouldKeepBeating(name, what, ran, BEATS, PATIENCE,
                    Duration.ofNanos(stuckNanos), timeline, StackReport.of(thread, thread.getStackTrace())));
        }
    }

    /** How many beats the loop has run. */
    public synchronized int beats() {
        return beats;
    }

    /** The longest a beat waited for the loop so far: sent, but not yet run. */
    public synchronized Duration maxLag() {
        return Duration.ofNanos(maxLagNanos);
    }

    /** The thread that ran the beats: the loop's. */
    public synchronized Thread loopThread() {
        return loopThread;
    }

    /** Stops beating; a beat already handed to the loop still runs, and sends no other. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        sender.shutdownNow();
    }

    private void send() {
        long sent = System.nanoTime();
        synchronized (this) {
            if (closed) {
                return;
            }
            waitingSince = sent;
        }
        try {
            loop.execute(() -> beat(sent));
        } catch (RejectedExecutionException loopShutDown) {
            close();
        }
    }

    /** Runs on the loop. */
    private void beat(long sent) {
        synchronized (this) {
            beats++;
            long now = System.nanoTime();
            if (ranAt.size() < MAX_KEPT) {
                ranAt.add(now - origin);
            }
            maxLagNanos = Math.max(maxLagNanos, now - sent);
            waitingSince = 0;
            loopThread = Thread.currentThread();
            notifyAll();
            if (closed) {
                return;
            }
        }
        try {
            sender.schedule(this::send, PERIOD.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException probeClosed) {
            // closed meanwhile: no more beats
        }
    }

    private synchronized boolean awaitBeats(int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (beats < count && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the " + name + "'s heartbeat", e);
            }
        }
        return beats >= count;
    }
}
