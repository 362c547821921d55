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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
        run(Deadlocked.class).assertThatEvents().haveExactly(1, event(test("deadlocks"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(m -> m.startsWith("deadlocks() timed out after 1 second: your code is stuck")
                        && m.contains("Deadlock: these threads each wait for a lock another one holds")
                        && m.contains("\"left\" waits for") && m.contains("held by \"right\"")
                        && m.contains("Deadlocked.lambda$deadlocks")))));
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
        events.assertThatEvents().haveExactly(1, event(test("leaks"), finishedWithFailure(
                message(m -> m.contains("but 1 were still alive 2000 ms later")
                        && m.contains("\"leaky-worker\"") && m.contains("An executor was never shut down")))));
        events.assertThatEvents().haveExactly(1, event(test("shutsDown"), finishedSuccessfully()));
    }

    static class Deadlocked {
        @Test
        @Timeout(1)
        void deadlocks() throws InterruptedException {
            Object a = new Object();
            Object b = new Object();
            java.util.concurrent.CountDownLatch bothHoldOne = new java.util.concurrent.CountDownLatch(2);
            Thread left = daemon("left", () -> lockBoth(a, b, bothHoldOne));
            Thread right = daemon("right", () -> lockBoth(b, a, bothHoldOne));
            left.join();
            right.join();
        }

        private static void lockBoth(Object first, Object second, java.util.concurrent.CountDownLatch latch) {
            synchronized (first) {
                latch.countDown();
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (second) {
                    latch.countDown();
                }
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
