package awaitlings.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallLog;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.CallbackLog;
import awaitlings.harness.CallerThread;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.IdleProbe;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.Points;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The loop runs on a thread of the checks' own ("caller of runUntilComplete()"), and waits on a timer whose clock the
 * checks move by hand: a timer an hour away costs no time, and "at 200 ms" means exactly that.
 */
@DisplayName("12 · build an event loop")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackLoopTest {

    // The fixtures without `private` are shared with CallbackLoopHiddenTest (same package).
    final ManualScheduler timer = new ManualScheduler();
    final CallbackLoop loop = new CallbackLoop(timer);
    /** What the callbacks did, in the order they did it, at what virtual time and on which thread. */
    final CallbackLog ran = new CallbackLog(timer::now);
    /** The checks' own calls into the loop from other threads (submit, close), on real time. */
    final CallRecorder calls = new CallRecorder();

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · runUntilComplete runs the callbacks one at a time in the order queued, on the thread that called it, and returns the future's value")
    @Hint("Task 1: keep the callbacks in a queue (a LinkedBlockingQueue); runUntilComplete takes them one at a time and"
            + " runs each, until the future is done, then returns future.join(). The thread that calls it is the loop's.")
    void callbacksRunInOrder() {
        CompletableFuture<String> done = new CompletableFuture<>();
        loop.callSoon(ran.record("a"));
        loop.callSoon(() -> {
            ran.record("b").run();
            loop.callSoon(() -> {
                ran.record("d").run();
                done.complete("done");
            });
        });
        loop.callSoon(ran.record("c"));

        LoopRun<String> run = LoopRun.start(loop, done);
        String value = run.result();

        assertThat(ran.names()).withFailMessage(() -> String.format("Expecting the callbacks to run in the order they"
                + " were queued, [a, b, c, d] (b queued d while it ran),%nbut they ran as %s.%nA loop is first in, first"
                + " out: take from the head of the queue, add at its tail.%nTimeline:%n%s", ran.names(),
                ran.timeline(run.thread()))).containsExactly("a", "b", "c", "d");
        ranOnTheLoopThread(run.thread());
        assertThat(value).withFailMessage("Expecting runUntilComplete to return the future's value \"done\",%nbut it"
                + " returned %s.", value == null ? "null" : "\"" + value + "\"").isEqualTo("done");
    }

    @Test
    @Order(2)
    @DisplayName("task 1 · when the future fails, runUntilComplete throws its exception as it is (an Error too); a checked one inside a CompletionException")
    @Hint("Task 1: future.join() wraps the failure in a CompletionException: catch it and throw its cause when that is a"
            + " RuntimeException or an Error. A checked cause cannot be thrown undeclared, so the wrapper stays.")
    void aFailedFutureIsRethrown() {
        IllegalStateException down = new IllegalStateException("payment service down");
        AssertionError corrupt = new AssertionError("corrupt ledger");
        IOException disk = new IOException("disk full");

        Throwable unchecked = failureOfARunEndedBy(down);
        Throwable error = failureOfARunEndedBy(corrupt);
        Throwable checked = failureOfARunEndedBy(disk);

        assertThat(unchecked).withFailMessage("Expecting runUntilComplete to throw the future's own exception%n    %s%n"
                + "but it threw%n    %s%nUnwrap the CompletionException that join() puts around it.", down, unchecked)
                .isSameAs(down);
        assertThat(error).withFailMessage("Expecting runUntilComplete to throw the future's own Error%n    %s%n"
                + "but it threw%n    %s%nAn Error is a failure too: throw it as it is.", corrupt, error).isSameAs(corrupt);
        if (!(checked instanceof CompletionException) || checked.getCause() != disk) {
            fail(String.format("Expecting runUntilComplete to throw a CompletionException whose cause is the future's"
                    + " checked exception%n    %s%nbut it threw%n    %s", disk, checked));
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 2 · timers run on the loop thread in the order of their deadlines (two due at once in the order asked), never before")
    @Hint("Task 2: schedule a task on the timer for each callLater — timer.schedule(..., delay.toNanos(), NANOSECONDS) —"
            + " that only queues the callback for the loop. The timer's thread must never run the callback itself.")
    void timersRunInDeadlineOrder() {
        CompletableFuture<String> done = new CompletableFuture<>();
        loop.callLater(ms(300), ran.record("c"));
        loop.callLater(ms(100), ran.record("a"));
        loop.callLater(ms(200), ran.record("b"));
        loop.callLater(ms(200), ran.record("b2"));
        LoopRun<String> run = LoopRun.start(loop, done);

        timer.advanceTo(Duration.ofSeconds(1));
        awaitRan(4, "the four timers, all due by 1 s of virtual time", run);
        done.complete("done");
        run.result();

        assertThat(ran.names()).withFailMessage(() -> String.format("Expecting the timers to run in the order of their"
                + " deadlines:%n    [a (100 ms), b (200 ms), b2 (200 ms, asked after b), c (300 ms)]%nbut they ran as"
                + " %s.%nThe deadline decides, not the order callLater was called in.%nTimeline (virtual time):%n%s",
                ran.names(), ran.timeline(run.thread()))).containsExactly("a", "b", "b2", "c");
        ranOnTheLoopThread(run.thread());
        List<Duration> deadlines = List.of(ms(100), ms(200), ms(200), ms(300));
        for (int i = 0; i < deadlines.size(); i++) {
            CallbackLog.Run timed = ran.runs().get(i);
            Duration deadline = deadlines.get(i);
            assertThat(timed.at()).withFailMessage(() -> String.format("Expecting timer %s to run at %d ms or later"
                    + " (virtual time),%nbut it ran at %d ms: too early.%nTimeline (virtual time):%n%s", timed.name(),
                    deadline.toMillis(), timed.at().toMillis(), ran.timeline(run.thread()))).isGreaterThanOrEqualTo(deadline);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 2 · while it waits for a timer due in 1 hour, the loop's thread sleeps: no spinning, no polling")
    @Hint("Task 2: wait with take() on the queue: the thread sleeps until something is added. A loop that checks the"
            + " queue again and again (poll() in a loop, or poll(1, MILLISECONDS)) burns the CPU or wakes for nothing.")
    void anIdleLoopSleeps() {
        CompletableFuture<String> done = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        loop.callLater(Duration.ofHours(1), ran.record("in an hour"));
        loop.callSoon(() -> started.complete(null));
        LoopRun<String> run = LoopRun.start(loop, done);
        try {
            Futures.valueOf("the first callback", started);
            IdleProbe.assertIdle(run.thread(), "the loop", "a timer due in 1 hour");
        } finally {
            done.complete("done");
        }
        run.result();
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("task 3 · 4 threads submit 25 tasks each at the same moment: every task runs once, on the loop thread, each thread's in its order")
    @Hint("Task 3: submit queues a task that completes a CompletableFuture with the result (or the failure) and returns"
            + " that future. The queue must be safe for many threads at once and wake the waiting loop: a LinkedBlockingQueue is both.")
    void submitFromManyThreads() {
        CompletableFuture<String> done = new CompletableFuture<>();
        LoopRun<String> run = LoopRun.start(loop, done);
        CountDownLatch go = new CountDownLatch(1);
        List<CallerThread<List<CompletableFuture<String>>>> submitters = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            String name = "s" + s;
            submitters.add(CallerThread.start("submitter " + name, () -> {
                go.await();
                List<CompletableFuture<String>> results = new ArrayList<>();
                for (int i = 1; i <= 25; i++) {
                    String task = name + "#" + i;
                    results.add(calls.call("submit " + task, () -> loop.submit(() -> {
                        ran.record(task).run();
                        return "result of " + task;
                    })));
                }
                return results;
            }));
        }
        go.countDown();
        List<CompletableFuture<String>> results = new ArrayList<>();
        submitters.forEach(s -> results.addAll(s.result(() -> "a submitter was still submitting after 5 s: submit() must return at once")));
        try {
            awaitRan(100, "the 100 submitted tasks", run);
        } finally {
            done.complete("done");
        }
        run.result();

        for (int s = 1; s <= 4; s++) {
            String prefix = "s" + s + "#";
            int submitter = s;
            List<String> own = ran.names().stream().filter(n -> n.startsWith(prefix)).toList();
            List<String> expected = java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> prefix + i).toList();
            assertThat(own).withFailMessage(() -> String.format("Expecting the 25 tasks of submitter s%d to run once"
                    + " each, in the order it submitted them,%nbut they ran as %s.%nTimeline:%n%s", submitter, own,
                    ran.timeline(run.thread()))).isEqualTo(expected);
        }
        ranOnTheLoopThread(run.thread());
        for (int i = 0; i < results.size(); i++) {
            String task = "s" + (i / 25 + 1) + "#" + (i % 25 + 1);
            assertThat(Futures.valueOf("submit(" + task + ")", results.get(i))).isEqualTo("result of " + task);
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("task 4 · a running loop refuses close() and a second runUntilComplete(); once done, close() makes every method refuse work with \"Event loop is closed\"")
    @Hint("Task 4: runUntilComplete marks the loop running (under a lock) and unmarks it in a finally block; close()"
            + " throws IllegalStateException(\"Cannot close a running event loop\") while it runs, else sets closed,"
            + " which every method checks first.")
    void closeRefusesARunningLoopThenEverything() {
        CompletableFuture<String> done = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        loop.callSoon(() -> started.complete(null));
        LoopRun<String> run = LoopRun.start(loop, done);
        try {
            Futures.valueOf("the first callback", started);
            refusesWhileRunning("close()", loop::close, "Cannot close a running event loop", run);
            refusesWhileRunning("a second runUntilComplete()", () -> loop.runUntilComplete(new CompletableFuture<>()),
                    "This event loop is already running", run);
            assertThat(loop.isRunning()).withFailMessage("Expecting isRunning() to be true while runUntilComplete runs,"
                    + "%nbut it was false.").isTrue();
            assertThat(loop.isClosed()).withFailMessage("Expecting isClosed() to be false while the loop runs, as close()"
                    + " was refused,%nbut it was true.").isFalse();
        } finally {
            done.complete("done");
        }
        assertThat(run.result()).isEqualTo("done");
        assertThat(loop.isRunning()).withFailMessage("Expecting isRunning() to be false once runUntilComplete returned,"
                + "%nbut it was true.").isFalse();

        loop.close();

        assertThat(loop.isClosed()).withFailMessage("Expecting isClosed() to be true after close(),%nbut it was false.").isTrue();
        refuses("callSoon() on a closed loop", () -> loop.callSoon(() -> { }), "Event loop is closed");
        refuses("callLater() on a closed loop", () -> loop.callLater(ms(10), () -> { }), "Event loop is closed");
        refuses("submit() on a closed loop", () -> loop.submit(() -> "late"), "Event loop is closed");
        refuses("runUntilComplete() on a closed loop", () -> loop.runUntilComplete(CompletableFuture.completedFuture("x")),
                "Event loop is closed");
        Throwable again = catchThrowable(loop::close);
        assertThat(again).withFailMessage("Expecting a second close() to do no harm,%nbut it threw %s.", again).isNull();
    }

    // ---- what the checks share -----------------------------------------------------------------------------------

    /** Waits until {@code count} callbacks have run on the loop {@code run}, at most {@link Futures#PATIENCE}. */
    void awaitRan(int count, String what, LoopRun<?> run) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> ran.runs().size() >= count);
        } catch (ConditionTimeoutException tooFew) {
            List<String> names = ran.names();
            fail(String.format("Expecting %s to run,%nbut %d s later only %d of %d had run: %s.%n"
                    + "Does the loop wake up when work is added from another thread (or by the timer)?%nTimeline:%n%s%s",
                    what, Futures.PATIENCE.toSeconds(), names.size(), count, names, ran.timeline(run.thread()),
                    calls.log().calls() == 0 ? "" : String.format("%nThe loop and the calls into it (real time):%n%s",
                            callsDuring(run))));
        }
    }

    void ranOnTheLoopThread(Thread loopThread) {
        String elsewhere = ran.runs().stream().filter(r -> r.thread() != loopThread)
                .map(r -> r.name() + " on \"" + r.thread().getName() + "\"").collect(Collectors.joining(", "));
        if (!elsewhere.isEmpty()) {
            fail(String.format("Expecting every callback to run on the loop's thread, the one that called"
                    + " runUntilComplete (\"%s\"),%nbut some ran elsewhere: %s.%nThe loop runs every callback itself:"
                    + " the timer and other threads only queue work for it.%nTimeline:%n%s", loopThread.getName(),
                    elsewhere, ran.timeline(loopThread)));
        }
    }

    static void refuses(String what, ThrowingCall call, String message) {
        Throwable thrown = catchThrowable(call::run);
        if (!(thrown instanceof IllegalStateException) || !message.equals(thrown.getMessage())) {
            fail(String.format("Expecting %s to throw IllegalStateException(\"%s\"),%nbut it %s.", what, message,
                    thrown == null ? "returned" : "threw " + thrown));
        }
    }

    /** The loop's run and the checks' calls into it on one axis, run on to now: a run still going ends in →. */
    String callsDuring(LoopRun<?> run) {
        return CallLog.timelineOfAllUntilNow(List.of(run.log(), calls.log()));
    }

    /** As {@link #refuses}, for {@code what} called while {@code run} goes on: a failure draws the two side by side. */
    void refusesWhileRunning(String what, ThrowingCall call, String message, LoopRun<?> run) {
        Throwable thrown = catchThrowable(() -> calls.callThrowing(what, () -> {
            call.run();
            return null;
        }));
        if (!(thrown instanceof IllegalStateException) || !message.equals(thrown.getMessage())) {
            fail(String.format("Expecting %s while the loop runs to throw IllegalStateException(\"%s\"),%nbut it %s.%n"
                    + "Timeline:%n%s", what, message, thrown == null ? "returned" : "threw " + thrown, callsDuring(run)));
        }
    }

    /** A call the checks expect to throw. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    private Throwable failureOfARunEndedBy(Throwable failure) {
        CompletableFuture<String> failing = new CompletableFuture<>();
        loop.callSoon(() -> failing.completeExceptionally(failure));
        LoopRun<String> run = LoopRun.start(loop, failing);
        return catchThrowable(run::result);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** runUntilComplete(until), started on a thread of its own: the loop's thread while it runs. */
    static final class LoopRun<T> {
        private final CompletableFuture<Thread> thread = new CompletableFuture<>();
        private final CallRecorder recorder = new CallRecorder();
        private final CallerThread<T> caller;

        private LoopRun(CallbackLoop loop, CompletableFuture<T> until, Thread.UncaughtExceptionHandler handler) {
            caller = CallerThread.start("runUntilComplete()", () -> {
                if (handler != null) {
                    Thread.currentThread().setUncaughtExceptionHandler(handler);
                }
                thread.complete(Thread.currentThread());
                return recorder.callThrowing("loop", () -> loop.runUntilComplete(until));
            });
        }

        static <T> LoopRun<T> start(CallbackLoop loop, CompletableFuture<T> until) {
            return new LoopRun<>(loop, until, null);
        }

        /** Runs the loop on a thread whose uncaught-exception handler is {@code handler}. */
        static <T> LoopRun<T> start(CallbackLoop loop, CompletableFuture<T> until, Thread.UncaughtExceptionHandler handler) {
            return new LoopRun<>(loop, until, handler);
        }

        /** runUntilComplete as a call named "loop", on the loop's thread, from its start to its end. */
        CallLog log() {
            return recorder.log();
        }

        Thread thread() {
            return Futures.valueOf("the thread that runs the loop", thread);
        }

        void interrupt() {
            caller.interrupt();
        }

        /** What runUntilComplete returned; what it threw is rethrown (a checked exception inside an AssertionError). */
        T result() {
            return caller.result(() -> String.format("Expecting runUntilComplete to return once its future was done,%n"
                    + "but it was still running %d s later: the loop never noticed. When the future completes (in a"
                    + " callback or on another thread), the loop must wake up and stop: whenComplete on the future.",
                    Futures.PATIENCE.toSeconds()));
        }
    }
}
