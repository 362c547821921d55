package awaitlings.loop;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallLog;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.ExploresInterleavings;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Interleavings;
import awaitlings.harness.Points;
import awaitlings.loop.LoopLifecycleTest.Job;
import awaitlings.loop.LoopLifecycleTest.Outcome;
import awaitlings.loop.LoopLifecycleTest.Running;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** More checks of the loop lifecycle, built on the jobs and patience of {@link LoopLifecycleTest} (same package). */
@DisplayName("05 · loop lifecycle (hidden)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopLifecycleHiddenTest {

    /** The visible checks' patience: far longer than a 100 ms job needs, so a job still running then is stuck. */
    private static final Duration PATIENCE = LoopLifecycleTest.PATIENCE;

    @AfterEach
    void closeSharedLoop() {
        LoopLifecycleTest.closeTheSharedLoop();
    }

    @Test
    @Order(1)
    @DisplayName("close() twice does no harm, and the loop still refuses work with \"Event loop is closed\"")
    @Hint("Task 1: once closed, a loop stays closed: submit() keeps throwing IllegalStateException(\"Event loop is closed\").")
    void closingTwiceKeepsTheLoopClosed() {
        EventLoop loop = Loops.newLoop();
        loop.close();
        Throwable secondClose = catchThrowable(loop::close);
        if (secondClose != null) {
            fail(String.format("Expecting a second close() to do nothing, as closing a closed file does,%nbut it threw %s.",
                    secondClose));
        }

        refusesWork(loop, "after close() was called twice");
    }

    @Test
    @Order(2)
    @DisplayName("while close() lets the tasks already submitted finish, the loop already refuses new work, and close() returns once its thread is gone")
    @Hint("Task 1: close() marks the loop closed at once, then drains its queue; submit() must check that mark.")
    void closeDrainsQueuedTasksAndRefusesNewOnes() throws Exception {
        FakeRemote held = FakeRemote.named("report service").latency(Duration.ofMillis(50)).held().build();
        EventLoop loop = Loops.newLoop();
        Thread loopThread = loop.submit(Thread::currentThread).join();
        CompletableFuture<String> first = loop.submit(() -> held.fetch("first"));
        CompletableFuture<String> second = loop.submit(() -> held.fetch("second"));
        CallRecorder closes = new CallRecorder();
        AtomicBoolean loopAliveWhenCloseReturned = new AtomicBoolean();
        Thread closer = daemon("closer", () -> {
            closes.run("close()", loop::close);
            loopAliveWhenCloseReturned.set(loopThread.isAlive());
        });
        try {
            try {
                Awaitility.await().atMost(PATIENCE).until(loop::isClosed);
            } catch (ConditionTimeoutException notClosed) {
                fail(String.format("Expecting isClosed() to be true as soon as close() was called,%n"
                        + "but it was still false %d s later.", PATIENCE.toSeconds()));
            }
            refusesWork(loop, "while close() was still waiting for two queued tasks");
            waitingOrDone(closer);
        } finally {
            held.release();
        }

        for (var task : Map.of("first", first, "second", second).entrySet()) {
            // Named with the lesson, so that a task close() dropped says why it had to run.
            String reply = Futures.valueOf(String.format("the task \"%s\", submitted before close() (close() refuses new work,"
                    + " but lets the tasks already queued finish),", task.getKey()), task.getValue());
            assertThat(reply)
                    .withFailMessage("Expecting the task \"%s\", submitted before close(), to still run and reply \"reply to %s\","
                            + "%nbut its future held \"%s\".%nclose() refuses new work, but lets the tasks already queued finish.",
                            task.getKey(), task.getKey(), reply)
                    .isEqualTo("reply to " + task.getKey());
        }
        closer.join(PATIENCE.toMillis());
        assertThat(closer.isAlive())
                .withFailMessage("Expecting close() to return once the queued tasks were done,%n"
                        + "but it was still waiting %d s after they finished.%nTimeline:%n%s", PATIENCE.toSeconds(),
                        CallLog.timelineUntilNow(withCloses(held, closes)))
                .isFalse();
        assertThat(loopAliveWhenCloseReturned.get())
                .withFailMessage("Expecting close() to return once the loop's thread was gone,%n"
                        + "but when close() returned, \"%s\" was still running the tasks queued before it:"
                        + " close() did not wait for the thread.%nWait for it to end (thread.join()) before close() returns."
                        + "%nTimeline:%n%s", loopThread.getName(), CallLog.timeline(withCloses(held, closes)))
                .isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("close() called from a task on the loop itself returns at once; then the loop refuses work and its thread ends")
    @Hint("Task 1: close() waits for the loop's thread only when another thread calls it; the loop's own task would wait"
            + " for itself. submit() must then refuse new work.")
    void closeFromATaskOnTheLoop() {
        EventLoop loop = Loops.newLoop();
        CallRecorder closes = new CallRecorder();

        CompletableFuture<Thread> closedFromInside = loop.submit(() -> {
            closes.run("close()", loop::close);
            return Thread.currentThread();
        });

        Thread loopThread = assertThat(closedFromInside)
                .withFailMessage(() -> String.format("Expecting close(), called from a task running on the loop, to return,%n"
                        + "but that task was still running %d s later: close() waits for the loop's thread to end, and"
                        + " here it is that thread, so it waits for itself.%nWait only when another thread calls close()."
                        + "%nTimeline:%n%s", PATIENCE.toSeconds(), closes.log().timelineUntilNow()))
                .succeedsWithin(PATIENCE)
                .actual();
        refusesWork(loop, "after a task on it called close()");
        assertThat(loopThread).as("the loop's thread").endsAfter("the task that called close()");
    }

    @Test
    @Order(4)
    @DisplayName("an interrupted close() stops waiting and keeps the interrupt; the loop already refuses work, and its thread ends once its task is done")
    @Hint("Task 1: a closed loop refuses work however close() ended. close() catches the InterruptedException of"
            + " thread.join() and sets the interrupt status again, so its caller can see it.")
    void interruptedClose() {
        FakeRemote held = FakeRemote.named("report service").held().build();
        EventLoop loop = Loops.newLoop();
        Thread loopThread = loop.submit(Thread::currentThread).join();
        CompletableFuture<String> task = loop.submit(() -> held.fetch("report"));
        CallRecorder closes = new CallRecorder();
        AtomicBoolean interruptedWhenCloseReturned = new AtomicBoolean();
        Thread closer = daemon("closer", () -> {
            closes.run("close()", loop::close);
            interruptedWhenCloseReturned.set(Thread.currentThread().isInterrupted());
        });
        try {
            if (waitingOrDone(closer) == Thread.State.TERMINATED) {
                fail(String.format("Expecting close() to wait for the loop's thread while a task queued before it still ran,%n"
                        + "but close() had returned already: it did not wait for the thread.%nTimeline:%n%s",
                        CallLog.timeline(withCloses(held, closes))));
            }
            closer.interrupt();
            joinQuietly(closer);
            if (closer.isAlive()) {
                fail(String.format("Expecting close() to stop waiting when its thread was interrupted,%n"
                        + "but it was still waiting %d s later: the interrupt was lost.%nTimeline:%n%s", PATIENCE.toSeconds(),
                        CallLog.timelineUntilNow(withCloses(held, closes))));
            }
            assertThat(interruptedWhenCloseReturned.get())
                    .withFailMessage("Expecting close() to return with the interrupt status set, after an interrupt woke it,%n"
                            + "but when it returned the status was cleared: its caller cannot tell it was asked to stop.%n"
                            + "In the catch of InterruptedException, call Thread.currentThread().interrupt().%n"
                            + "Timeline (a close() that kept the interrupt would end with ⊘):%n%s",
                            CallLog.timeline(withCloses(held, closes)))
                    .isTrue();
            refusesWork(loop, "after an interrupted close()");
        } finally {
            held.release();
        }
        assertThat(Futures.valueOf("the task queued before the interrupted close()", task)).isEqualTo("reply to report");
        assertThat(loopThread).as("the loop's thread").endsAfter("its last task");
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("ReportJob and EmailJob started at the same time both succeed, on two differently named loop threads that overlap and then end")
    @Hint("Task 2: one loop runs one task at a time, and the first job to finish would close it under the other."
            + " Each job needs its own loop.")
    void jobsAtTheSameTimeUseTwoLoops() {
        FakeRemote remote = FakeRemote.named("nightly service").latency(Duration.ofMillis(100)).rendezvous(2).build();
        Map<String, Thread> callers = new ConcurrentHashMap<>();
        JobService service = request -> {
            callers.put(request, Thread.currentThread());
            return remote.fetch(request);
        };

        Running report = Job.report(service).start();
        Running email = Job.email(service).start();
        Outcome reportOutcome = report.outcome();
        Outcome emailOutcome = email.outcome();

        if (!reportOutcome.returned("reply to report") || !emailOutcome.returned("reply to email")) {
            fail(String.format("Expecting ReportJob and EmailJob, started at the same time, to both succeed,%n"
                    + "but ReportJob %s, and EmailJob %s.%n"
                    + "If they share one loop, the first to finish closes it under the other: give each job its own loop."
                    + "%nTimeline:%n%s", reportOutcome.describe(), emailOutcome.describe(), remote.log().timeline()));
        }
        Thread reportLoop = callers.get("report");
        Thread emailLoop = callers.get("email");
        if (reportLoop == emailLoop || remote.log().peakInFlight() < 2
                || !reportLoop.getName().startsWith("event-loop-") || !emailLoop.getName().startsWith("event-loop-")) {
            fail(String.format("Expecting the two jobs to call their services on two different loop threads, at the same time,"
                    + "%nbut ReportJob called on \"%s\" and EmailJob on \"%s\", with at most %d call(s) in flight:%n"
                    + "a single loop runs one task at a time. Give each job its own loop (Loops.newLoop()).%nTimeline:%n%s",
                    reportLoop.getName(), emailLoop.getName(), remote.log().peakInFlight(), remote.log().timeline()));
        }
        if (reportLoop.getName().equals(emailLoop.getName())) {
            fail(String.format("Expecting the two jobs' loop threads to have different names, so that a thread dump tells"
                    + " them apart,%nbut both are called \"%s\".", reportLoop.getName()));
        }
        assertThat(reportLoop).as("ReportJob's loop").endsAfter("ReportJob.run()");
        assertThat(emailLoop).as("EmailJob's loop").endsAfter("EmailJob.run()");
    }

    @Test
    @Order(6)
    @DisplayName("both jobs still succeed after the program closed its shared loop")
    @Hint("Task 2: a job that owns its loop does not care what happened to the shared one. Use Loops.newLoop().")
    void jobsDoNotNeedTheSharedLoop() {
        FakeRemote remote = FakeRemote.named("nightly service").latency(Duration.ofMillis(100)).build();
        Loops.shared().close();

        // Started together, so that two stuck jobs cost one patience, not two.
        Running reportJob = Job.report(remote::fetch).start();
        Running emailJob = Job.email(remote::fetch).start();
        Outcome report = reportJob.outcome();
        Outcome email = emailJob.outcome();

        if (!report.returned("reply to report") || !email.returned("reply to email")) {
            fail(String.format("Expecting ReportJob and EmailJob to succeed after the program closed its shared loop,%n"
                    + "but ReportJob %s, and EmailJob %s:%nthey still depend on the shared loop. Give each job its own loop"
                    + " (Loops.newLoop()), closed with try-with-resources.%nTimeline:%n%s",
                    report.describe(), email.describe(), remote.log().timeline()));
        }
    }

    @Test
    @Order(7)
    @Points(2)
    @ExploresInterleavings
    @DisplayName("submit() at the same moment as close() from another thread either refuses the task or runs it, never accepts it and drops it")
    @Hint("Task 1: asking \"closed?\" and queueing the task must be one step with close(): do both inside the given synchronized (lock).")
    void submitRacingCloseRunsOrRefuses() {
        Interleavings.explore(EventLoop.class,
                "a task submitted while another thread closes the loop to be refused or run, never accepted and dropped",
                () -> new SubmitRace(),
                List.of(race -> race.submit(), race -> race.loop.close()),
                race -> race.refused || race.result.isDone(),
                race -> "submit() accepted the task and close() returned before it ran");
    }

    /** A new loop that one thread submits a task to while another closes it, and what became of the task. */
    private static final class SubmitRace {
        final EventLoop loop = Loops.newLoop();
        boolean refused;
        CompletableFuture<String> result;

        void submit() {
            try {
                result = loop.submit(() -> "ran");
            } catch (IllegalStateException closed) {
                refused = true;
            }
        }
    }

    /** The tasks' calls of {@code service} ("task first") and the check's calls of close() ("loop close()"), on one time axis. */
    private static Map<String, CallLog> withCloses(FakeRemote service, CallRecorder closes) {
        Map<String, CallLog> logs = new LinkedHashMap<>();
        logs.put("task", service.log());
        logs.put("loop", closes.log());
        return logs;
    }

    /** Starts {@code body} on a daemon thread, so that one stuck in close() cannot keep the checks' JVM alive. */
    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits until {@code closer} waits (in close(), for the loop's thread) or has ended, and says which. */
    private static Thread.State waitingOrDone(Thread closer) {
        Set<Thread.State> settled = Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED);
        try {
            Awaitility.await().atMost(PATIENCE).until(() -> settled.contains(closer.getState()));
        } catch (ConditionTimeoutException busy) {
            fail(String.format("Expecting close() either to wait for the loop's thread or to return,%n"
                    + "but %d s later it was still %s.", PATIENCE.toSeconds(), closer.getState().name().toLowerCase()));
        }
        return closer.getState();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refusesWork(EventLoop loop, String when) {
        Throwable thrown = catchThrowable(() -> loop.submit(() -> "too late"));
        if (!(thrown instanceof IllegalStateException) || !"Event loop is closed".equals(thrown.getMessage())) {
            fail(String.format("Expecting submit() %s to throw IllegalStateException(\"Event loop is closed\"),%nbut it %s."
                    + "%nA closed loop never runs new work: refuse it loudly instead of handing out a future that never completes.",
                    when, thrown == null ? "returned a future" : "threw " + thrown));
        }
    }
}
