package awaitlings.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Proves that a thread with nothing to do sleeps, by what the JVM counted for it while the check watched: the CPU
 * time it used and how often it woke up. A thread parked on a queue or a lock uses no CPU and does not wake until it
 * is given something; a spinning thread burns a core, a polling one wakes every few milliseconds. Both limits sit far
 * from what a parked thread does, even on a loaded machine, so no stopwatch decides.
 *
 * <pre>{@code IdleProbe.assertIdle(loopThread, "the loop", "a timer due in 1 hour");}</pre>
 */
public final class IdleProbe {

    static final Duration WINDOW = Duration.ofMillis(500);
    /** A parked thread uses none; a spinning one about all of the window, or a good part of it under load. */
    static final Duration MAX_CPU = Duration.ofMillis(50);
    /** A parked thread wakes once at most; one that polls every millisecond wakes hundreds of times. */
    static final int MAX_WAKE_UPS = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IdleProbe() {
    }

    /**
     * Watches {@code thread} for half a second, in which the check gives it nothing to do.
     *
     * @param who        the thread as the learner knows it, e.g. {@code "the loop"}
     * @param waitingFor what it waits for meanwhile, e.g. {@code "a timer due in 1 hour"}
     * @throws AssertionError when it used more than 50 ms of CPU, woke more than 10 times, or ended, saying what was
     *                        measured and where the thread was
     */
    public static void assertIdle(Thread thread, String who, String waitingFor) {
        Usage before = Usage.of(thread);
        sleep(WINDOW);
        Usage after = Usage.of(thread);
        if (!thread.isAlive() || before == null || after == null) {
            throw new AssertionError(LoopMessages.shouldKeepWaiting(who, waitingFor));
        }
        Duration cpu = Duration.ofNanos(after.cpuNanos() - before.cpuNanos());
        long wakeUps = after.waits() - before.waits();
        if (cpu.compareTo(MAX_CPU) > 0 || wakeUps > MAX_WAKE_UPS) {
            throw new AssertionError(LoopMessages.shouldStayIdle(who, waitingFor, WINDOW, cpu, wakeUps,
                    StackReport.of(thread, thread.getStackTrace())));
        }
    }

    /**
     * What the JVM counted for a thread so far: CPU time, and how many times it went to wait (park, wait, sleep).
     * Null when the thread has ended.
     */
    private record Usage(long cpuNanos, long waits) {

        @SuppressWarnings("deprecation") // Thread.threadId() exists from JDK 19 only; getId() is the same number.
        static Usage of(Thread thread) {
            long id = thread.getId();
            ThreadInfo info = THREADS.getThreadInfo(id);
            long cpu = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(id) : 0;
            return info == null || cpu < 0 ? null : new Usage(cpu, info.getWaitedCount());
        }
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while watching a thread idle", e);
        }
    }
}
