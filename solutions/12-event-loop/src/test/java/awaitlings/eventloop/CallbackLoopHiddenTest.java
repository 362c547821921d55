package awaitlings.eventloop;

import static awaitlings.eventloop.CallbackLoopTest.ms;
import static awaitlings.eventloop.CallbackLoopTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.eventloop.CallbackLoopTest.LoopRun;
import awaitlings.harness.CallbackLog;
import awaitlings.harness.ExploresInterleavings;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Interleavings;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("12 · build an event loop · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackLoopHiddenTest {

    private final CallbackLoopTest fixture = new CallbackLoopTest();
    private final CallbackLoop loop = fixture.loop;

    @Test
    @Order(1)
    @DisplayName("task 2 · a timer of 100 ms has not run at 99 ms of virtual time, and runs at exactly 100 ms")
    @Hint("Task 2: hand the timer the whole delay, in its own unit: timer.schedule(task, delay.toNanos(), NANOSECONDS)."
            + " Rounding to milliseconds or seconds makes a timer early or late.")
    void timersNeverRunEarly() {
        CompletableFuture<String> done = new CompletableFuture<>();
        loop.callLater(Duration.ofNanos(100_000_000), fixture.ran.record("a"));
        loop.callLater(Duration.ofNanos(250_500_000), fixture.ran.record("b"));
        LoopRun<String> run = LoopRun.start(loop, done);
        try {
            advanceAndSettle(ms(99), run);
            notYet("a", "99 ms", "100 ms", run.thread());
            advanceAndSettle(ms(100), run);
            ranAt("a", ms(100), run.thread());
            advanceAndSettle(Duration.ofNanos(250_499_999), run);
            notYet("b", "250.499999 ms", "250.5 ms", run.thread());
            advanceAndSettle(Duration.ofNanos(250_500_000), run);
            ranAt("b", Duration.ofNanos(250_500_000), run.thread());
        } finally {
            done.complete("done");
        }
        run.result();
    }

    @Test
    @Order(2)
    @DisplayName("task 3 · submit() from another thread wakes a loop that waits for a timer due in 1 hour: its task runs at once, and a task that throws fails its future")
    @Hint("Task 3: the loop must wait on the same queue that submit adds to — take() on a BlockingQueue — so that any"
            + " task added from any thread wakes it, not only the next timer. What the task throws fails its future.")
    void submitWakesAnIdleLoop() {
        CompletableFuture<String> done = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        loop.callLater(Duration.ofHours(1), fixture.ran.record("in an hour"));
        loop.callSoon(() -> started.complete(null));
        LoopRun<String> run = LoopRun.start(loop, done);
        try {
            Futures.valueOf("the first callback", started);
            waitUntilParked(run.thread());
            CompletableFuture<Thread> woke = fixture.calls.call("submit()", () -> loop.submit(Thread::currentThread));
            if (!Futures.settles(woke)) {
                fail(String.format("Expecting a task submitted from another thread to run while the loop waited for a"
                        + " timer due in 1 hour,%nbut it had not run %d s later: the loop sleeps through new work and"
                        + " would only see it at its next timer.%nTimeline (real time):%n%s", Futures.PATIENCE.toSeconds(),
                        fixture.callsDuring(run)));
            }
            assertThat(Futures.valueOf("submit(Thread::currentThread)", woke)).isSameAs(run.thread());
            IllegalStateException refused = new IllegalStateException("refused");
            Throwable failure = Futures.failureOf("submit() of a task that throws", loop.submit(() -> {
                throw refused;
            }));
            assertThat(failure).withFailMessage("Expecting the future of a submitted task to fail with what the task"
                    + " threw%n    %s%nbut it failed with%n    %s", refused, failure).isSameAs(refused);
            assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting the timer due in 1 hour not to"
                    + " have run,%nbut it did, with no time passed on the timer.%nTimeline (virtual time):%n%s",
                    fixture.ran.timeline(run.thread()))).isEmpty();
        } finally {
            done.complete("done");
        }
        run.result();
    }

    @Test
    @Order(3)
    @DisplayName("task 4 · close() drops what is queued: no callback runs, submitted futures are cancelled, and no timer task is left")
    @Hint("Task 4: keep the ScheduledFutures that callLater got from the timer, and cancel them in close(); drain the"
            + " queue and cancel the future of every submitted task in it, so that nobody waits for it forever.")
    void closeDropsWhatIsQueued() {
        loop.callSoon(fixture.ran.record("queued"));
        loop.callLater(ms(100), fixture.ran.record("timer"));
        loop.callLater(Duration.ofMillis(1), fixture.ran.record("timer soon"));
        CompletableFuture<String> submitted = loop.submit(() -> "never");

        loop.close();

        assertThat(fixture.timer.pending()).withFailMessage("Expecting close() to cancel the tasks the loop had on the"
                + " timer,%nbut %d were still scheduled there.", fixture.timer.pending()).isZero();
        fixture.timer.advanceBy(Duration.ofSeconds(1));
        assertThat(submitted.isCancelled()).withFailMessage("Expecting the future of a task that close() dropped to be"
                + " cancelled, so that nobody waits for it forever,%nbut it was %s.", submitted).isTrue();
        assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting nothing to run once the loop was"
                + " closed,%nbut %s ran.%nTimeline (virtual time):%n%s", fixture.ran.names(), fixture.ran.timeline()))
                .isEmpty();
        refuses("runUntilComplete() on a closed loop", () -> loop.runUntilComplete(new CompletableFuture<>()),
                "Event loop is closed");
    }

    @Test
    @Order(4)
    @DisplayName("task 4 · stop() ends the run after the callbacks queued before it; runUntilComplete then throws, and the rest wait for the next run")
    @Hint("Task 4: stop() adds the current run's marker to the queue; the run ends when it takes its own marker. A"
            + " marker of an earlier run (added when that run's future completed late) must not end a later run.")
    void stopEndsTheRun() {
        Throwable idle = catchThrowable(loop::stop);
        assertThat(idle).withFailMessage("Expecting stop() on a loop that is not running to do nothing,%nbut it threw %s.",
                idle).isNull();
        CompletableFuture<String> first = new CompletableFuture<>();
        loop.callSoon(fixture.ran.record("a"));
        loop.callSoon(() -> {
            fixture.ran.record("b").run();
            loop.stop();
            loop.callSoon(fixture.ran.record("after stop"));
        });
        loop.callSoon(fixture.ran.record("c"));

        LoopRun<String> firstRun = LoopRun.start(loop, first);
        Throwable stopped = catchThrowable(firstRun::result);

        if (!(stopped instanceof IllegalStateException) || !"Event loop stopped before the future completed".equals(stopped.getMessage())) {
            fail(String.format("Expecting runUntilComplete to throw IllegalStateException(\"Event loop stopped before the"
                    + " future completed\") after stop(),%nbut it %s.", stopped == null ? "returned" : "threw " + stopped));
        }
        assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting the run to end after a, b and c"
                + " (queued before stop()), and \"after stop\" to wait,%nbut what ran was %s.%nTimeline:%n%s",
                fixture.ran.names(), fixture.ran.timeline(firstRun.thread()))).containsExactly("a", "b", "c");
        assertThat(loop.isRunning()).withFailMessage("Expecting the loop not to run once stopped,%nbut isRunning() was"
                + " true.").isFalse();

        first.complete("late");
        CompletableFuture<String> second = new CompletableFuture<>();
        loop.callSoon(() -> second.complete("second"));
        LoopRun<String> secondRun = LoopRun.start(loop, second);
        assertThat(secondRun.result()).isEqualTo("second");
        assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting the next run to go on with what"
                + " waited (\"after stop\") until its own future was done,%nbut what ran was %s.%nTimeline of the"
                + " second run's thread and the first's:%n%s", fixture.ran.names(),
                fixture.ran.timeline(secondRun.thread()))).containsExactly("a", "b", "c", "after stop");
    }

    @Test
    @Order(5)
    @DisplayName("task 1 · a callback that throws goes to the loop thread's uncaught-exception handler, and the loop goes on")
    @Hint("Task 1: run each callback in try/catch; hand what it threw to"
            + " Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(thread, failure), then take the next.")
    void aThrowingCallbackDoesNotStopTheLoop() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        List<Thread> handledOn = new CopyOnWriteArrayList<>();
        CompletableFuture<String> done = new CompletableFuture<>();
        loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(fixture.ran.record("next"));
        loop.callSoon(() -> done.complete("done"));

        LoopRun<String> run = LoopRun.start(loop, done, (thread, failure) -> {
            handled.add(failure);
            handledOn.add(thread);
        });
        String value = run.result();

        assertThat(value).isEqualTo("done");
        assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting the loop to go on after a"
                + " callback threw,%nbut the next callback did not run.%nTimeline:%n%s",
                fixture.ran.timeline(run.thread()))).containsExactly("next");
        assertThat(handled).withFailMessage("Expecting what the callback threw to reach the uncaught-exception handler"
                + " of the loop's thread, once:%n    [%s]%nbut it got %s.", boom, handled).containsExactly(boom);
        assertThat(handledOn).containsExactly(run.thread());
    }

    @Test
    @Order(6)
    @DisplayName("task 1 · interrupting the thread that runs the loop ends runUntilComplete with an InterruptedException, and the loop stops running")
    @Hint("Task 1: let the InterruptedException of take() leave runUntilComplete (it declares it), and unmark the loop"
            + " as running in a finally block, so that it can be closed afterwards.")
    void anInterruptStopsTheLoop() {
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        loop.callSoon(() -> started.complete(null));
        LoopRun<String> run = LoopRun.start(loop, never);
        Futures.valueOf("the first callback", started);

        run.interrupt();
        Throwable thrown = catchThrowable(run::result);

        if (thrown == null || !(thrown.getCause() instanceof InterruptedException)) {
            fail(String.format("Expecting runUntilComplete to throw InterruptedException when its thread was interrupted,"
                    + "%nbut it %s.", thrown == null ? "returned" : "threw " + thrown));
        }
        assertThat(loop.isRunning()).withFailMessage("Expecting the loop not to run after the interrupt,%nbut"
                + " isRunning() was true.").isFalse();
        Throwable closing = catchThrowable(loop::close);
        assertThat(closing).withFailMessage("Expecting close() to work once the interrupted run ended,%nbut it threw %s.",
                closing).isNull();
    }

    @Test
    @Order(7)
    @Points(2)
    @ExploresInterleavings
    @DisplayName("task 3 · two threads calling submit() at the same moment each get their task run once, on the thread running the loop")
    @Hint("Task 3: submit() is called from other threads: check and queue under the loop's lock, or in a queue that is"
            + " safe from any thread (callSoon's), never in a collection of your own outside a lock.")
    void submitFromTwoThreadsAtOnce() {
        Interleavings.explore(CallbackLoop.class,
                "two tasks submitted at the same moment from two threads to run once each, on the thread running the loop",
                () -> new SubmitRace(),
                List.of(race -> race.first = race.loop.submit(() -> race.ran("first")),
                        race -> race.second = race.loop.submit(() -> race.ran("second"))),
                race -> race.runsBothOnce(), race -> race.whatRan());
    }

    /** A loop that two threads submit a task to each; the thread that judges runs it afterwards. */
    private static final class SubmitRace {
        final CallbackLoop loop = new CallbackLoop(new ManualScheduler());
        final List<String> ran = new ArrayList<>();
        final List<Thread> ranOn = new ArrayList<>();
        CompletableFuture<String> first;
        CompletableFuture<String> second;

        synchronized String ran(String task) {
            ran.add(task);
            ranOn.add(Thread.currentThread());
            return task;
        }

        /** Runs the loop until what was queued before has run; whether each task ran once, here, with its result. */
        boolean runsBothOnce() {
            CompletableFuture<Void> queuedBefore = new CompletableFuture<>();
            loop.callSoon(() -> queuedBefore.complete(null));
            try {
                loop.runUntilComplete(queuedBefore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running the loop", e);
            }
            return ranBothOnce();
        }

        private synchronized boolean ranBothOnce() {
            return ran.size() == 2 && ran.containsAll(List.of("first", "second"))
                    && ranOn.stream().allMatch(thread -> thread == Thread.currentThread())
                    && "first".equals(first.getNow(null)) && "second".equals(second.getNow(null));
        }

        synchronized String whatRan() {
            if (ran.size() != 2 || !ran.containsAll(List.of("first", "second"))) {
                return "the loop ran " + (ran.isEmpty() ? "neither task" : ran) + " of the tasks [first, second]"
                        + (ran.size() < 2 ? ": a task submitted at the same moment as the other was lost" : "");
            }
            if (ranOn.stream().anyMatch(thread -> thread != Thread.currentThread())) {
                return "a task ran on a thread that was not running the loop";
            }
            return "submit()'s futures held " + first.getNow(null) + " and " + second.getNow(null)
                    + ", not the results first and second";
        }
    }

    /**
     * Gives the loop up to a second to go idle after its last callback, so that what this check submits next arrives at
     * a sleeping loop and not one that is still looking for work. It decides nothing: a loop that never parks is judged
     * by what follows.
     */
    private static void waitUntilParked(Thread loopThread) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1)).until(() -> parked(loopThread.getState()));
        } catch (ConditionTimeoutException stillLooking) {
            // Judged by what follows.
        }
    }

    private static boolean parked(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /** Moves the clock to {@code time}, then waits until the loop {@code run} has run what came due. */
    private void advanceAndSettle(Duration time, LoopRun<?> run) {
        fixture.timer.advanceTo(time);
        // Twice: the first task may run in the same turn as a timer that just came due, the second in a later one.
        for (int i = 0; i < 2; i++) {
            if (!Futures.settles(fixture.calls.call("submit()", () -> loop.submit(() -> null)))) {
                fail(String.format("Expecting a task submitted from the checks' thread to run (the checks submit one to"
                        + " let the loop catch up with its timers),%nbut it had not run %d s later: submit() does not"
                        + " wake the loop (task 3).%nTimeline (real time):%n%s", Futures.PATIENCE.toSeconds(),
                        fixture.callsDuring(run)));
            }
        }
    }

    private static String millis(Duration time) {
        return java.math.BigDecimal.valueOf(time.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    }

    private void notYet(String name, String now, String due, Thread loopThread) {
        assertThat(fixture.ran.names()).withFailMessage(() -> String.format("Expecting timer %s, due at %s, not to have"
                + " run at %s (virtual time),%nbut it had: too early.%nTimeline (virtual time):%n%s", name, due, now,
                fixture.ran.timeline(loopThread))).doesNotContain(name);
    }

    private void ranAt(String name, Duration at, Thread loopThread) {
        List<CallbackLog.Run> runs = fixture.ran.runs().stream().filter(r -> r.name().equals(name)).toList();
        if (runs.size() != 1 || !runs.get(0).at().equals(at)) {
            fail(String.format("Expecting timer %s to run once, at exactly %s (virtual time),%nbut it ran %s.%n"
                    + "Timeline (virtual time):%n%s", name, millis(at),
                    runs.isEmpty() ? "not at all" : "at " + runs.stream().map(r -> millis(r.at())).toList(),
                    fixture.ran.timeline(loopThread)));
        }
    }
}
