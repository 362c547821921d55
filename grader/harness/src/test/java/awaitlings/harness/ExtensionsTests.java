package awaitlings.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The hang guard and the thread-leak check, run on sample tests the way the course runs its own. */
@DisplayName("HangGuard and ThreadLeakCheck")
class ExtensionsTests {

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .selectors(selectClass(sample))
                .execute().testEvents();
    }

    @Test
    @DisplayName("a deadlocked test fails with the deadlock and where each thread waits")
    void deadlock() {
        Events events;
        try {
            events = run(Deadlocked.class);
        } finally {
            Deadlocked.threads.forEach(Thread::interrupt);
        }
        events.assertThatEvents().haveExactly(1, event(test("deadlocks"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(m -> m.startsWith("deadlocks() timed out after 1 second: your code is stuck")
                        && m.contains("Deadlock: these threads each wait for a lock another one holds")
                        && m.contains("\"left\" waits for") && m.contains("held by \"right\"")
                        && m.contains("\"left\" waiting") && m.contains("\"right\" waiting")))));
    }

    @Test
    @DisplayName("a test that runs out of time shows what its fakes saw, a call still in flight marked ⏱, and forgets them after")
    void timelineWhenTimeRanOut() {
        Events events;
        try {
            events = run(WaitingForAReply.class);
        } finally {
            WaitingForAReply.remote.release();
        }
        events.assertThatEvents().haveExactly(1, event(test("waitsForever"), finishedWithFailure(
                message(m -> m.startsWith("waitsForever() timed out after 1 second: your code is stuck, waiting for something"
                        + " that never happens." + System.lineSeparator() + "Timeline when time ran out:")
                        && m.contains("    latte  [") && m.contains("⏱ still in flight when time ran out")
                        // The call starts just after the check does, so the span to the time-out is a little under 1 s.
                        && m.matches("(?s).*peak in flight 1 · span ([89][0-9]{2}|[1-9][0-9]{3,}) ms.*")
                        && m.indexOf("Timeline when time ran out:") < m.indexOf("Where your threads were")))));
        events.assertThatEvents().haveExactly(1, event(test("timesOutWithoutCalls"), finishedWithFailure(
                message(m -> m.contains("timed out after 1 second") && !m.contains("Timeline")))));
    }

    @Test
    @DisplayName("an endless loop fails with the line it loops on")
    void endlessLoop() {
        Events events;
        try {
            events = run(Looping.class);
        } finally {
            Looping.forever = false;
        }
        events.assertThatEvents().haveExactly(1, event(test("loops"), finishedWithFailure(
                message(m -> m.contains("timed out after 1 second") && !m.contains("Deadlock")
                        && m.contains("Looping.loops(ExtensionsTests.java")))));
    }

    @Test
    @DisplayName("a test that leaves an executor running fails, naming its thread")
    void leak() {
        Events events;
        try {
            events = run(Leaking.class);
        } finally {
            Leaking.leaked.shutdownNow();
        }
        events.assertThatEvents().haveExactly(1, event(test("leaks"), finishedWithFailure(instanceOf(HintedFailure.class),
                message(m -> m.contains("but 1 was still alive 2000 ms later")
                        && m.contains("\"leaky-worker\"") && m.contains("keeps it alive until it is shut down")))));
        events.assertThatEvents().haveExactly(1, event(test("shutsDown"), finishedSuccessfully()));
    }

    @Test
    @DisplayName("threads started from a daemon thread are daemons too, and still count as leaked")
    void leakFromDaemonThread() {
        Events events;
        try {
            events = run(LeakingFromDaemons.class);
        } finally {
            LeakingFromDaemons.executor.shutdownNow();
            LeakingFromDaemons.loop.interrupt();
        }
        events.assertThatEvents().haveExactly(1, event(test("executorFromADaemonThread"), finishedWithFailure(
                instanceOf(HintedFailure.class), message(m -> m.contains("\"inherited-worker\"")))));
        events.assertThatEvents().haveExactly(1, event(test("loopFromTheHarnessCaller"), finishedWithFailure(
                instanceOf(HintedFailure.class), message(m -> m.contains("\"event-loop-1\"")))));
    }

    @Test
    @DisplayName("the JDK's common pool, its timer behind orTimeout and the harness's own threads are not leaks")
    void sharedThreadsAreNotLeaks() {
        run(UsingSharedThreads.class).assertThatEvents().haveExactly(1, event(test("usesThem"), finishedSuccessfully()));
    }

    @Test
    @DisplayName("the JDK's virtual-thread scheduler (its carriers, its timer, its unblocker) is not a leak")
    void virtualThreadSchedulerIsNotALeak() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads exist from JDK 21");
        run(UsingVirtualThreads.class).assertThatEvents().haveExactly(1, event(test("startsOne"), finishedSuccessfully()));
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class WaitingForAReply {
        static FakeRemote remote;

        @Test
        @Timeout(1)
        void timesOutWithoutCalls() throws InterruptedException {
            Thread.sleep(60_000);
        }

        @Test
        @Timeout(1)
        void waitsForever() {
            remote = FakeRemote.named("barista").held().build();
            remote.fetch("latte");
        }
    }

    static class UsingVirtualThreads {
        @Test
        void startsOne() throws Exception {
            // Called by reflection: the harness is compiled for JDK 17, where the method does not exist.
            Thread virtual = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
                    .invoke(null, (Runnable) () -> waitABit());
            virtual.join();
        }

        private static void waitABit() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static class LeakingFromDaemons {
        static ExecutorService executor;
        static Thread loop;

        @Test
        void executorFromADaemonThread() throws InterruptedException {
            Thread creator = daemon("creator", () -> {
                executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "inherited-worker"));
                executor.submit(() -> { });
            });
            creator.join();
        }

        @Test
        void loopFromTheHarnessCaller() {
            loop = NonBlocking.returnsWhileHeld("start()", () -> {
                Thread thread = new Thread(ExtensionsTests::waitForInterrupt, "event-loop-1");
                thread.start();
                return thread;
            });
        }
    }

    static class UsingSharedThreads {
        @Test
        void usesThem() {
            java.util.concurrent.CompletableFuture.supplyAsync(() -> 1).join();
            new java.util.concurrent.CompletableFuture<Integer>()
                    .completeOnTimeout(1, 1, java.util.concurrent.TimeUnit.MILLISECONDS).join();
            FakeRemote.named("store").build().fetchAsync("a").join();
        }
    }

    private static void waitForInterrupt() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two threads that deadlock on locks they can be interrupted out of, so the test can end them afterwards. */
    static class Deadlocked {
        static final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        @Timeout(1)
        void deadlocks() throws InterruptedException {
            Lock a = new ReentrantLock();
            Lock b = new ReentrantLock();
            java.util.concurrent.CountDownLatch bothHoldOne = new java.util.concurrent.CountDownLatch(2);
            threads.add(daemon("left", () -> lockBoth(a, b, bothHoldOne)));
            threads.add(daemon("right", () -> lockBoth(b, a, bothHoldOne)));
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static void lockBoth(Lock first, Lock second, java.util.concurrent.CountDownLatch latch) {
            try {
                first.lockInterruptibly();
                try {
                    latch.countDown();
                    latch.await();
                    second.lockInterruptibly();
                    second.unlock();
                } finally {
                    first.unlock();
                }
            } catch (InterruptedException ended) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static class Looping {
        static volatile boolean forever = true;

        @Test
        @Timeout(1)
        void loops() {
            while (forever) {
                Thread.onSpinWait();
            }
        }
    }

    static class Leaking {
        static ExecutorService leaked;

        @Test
        void leaks() {
            leaked = Executors.newSingleThreadExecutor(task -> new Thread(task, "leaky-worker"));
            leaked.submit(() -> { });
        }

        @Test
        void shutsDown() throws InterruptedException {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            pool.submit(() -> { });
            pool.shutdown();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
