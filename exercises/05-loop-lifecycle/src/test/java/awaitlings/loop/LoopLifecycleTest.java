package awaitlings.loop;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallEvent;
import awaitlings.harness.CleanUp;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("05 · loop lifecycle")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopLifecycleTest {

    /** Far longer than a 100 ms job needs, even on a loaded machine: a job still running then is stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(4);

    private final FakeRemote remote = FakeRemote.named("nightly service").latency(Duration.ofMillis(100)).build();

    @AfterEach
    void closeSharedLoop() {
        closeTheSharedLoop();
    }

    /**
     * Closes and forgets the shared loop after a check, so that the next one starts without it (its thread would
     * otherwise leak). It may have been closed already, so this also relies on close() doing no harm the second time.
     */
    static void closeTheSharedLoop() {
        CleanUp.run("closing the shared loop, Loops.shared(), which may have been closed already", Loops::resetForTests,
                "EventLoop.close() must not throw, also on a loop that is already closed: closing it again does no harm.");
    }

    @Test
    @Order(1)
    @DisplayName("submit() on a closed loop throws IllegalStateException(\"Event loop is closed\")")
    @Hint("Task 1: in EventLoop.submit(), check `closed` (under the lock) and throw new IllegalStateException(\"Event loop is closed\").")
    void closedLoopRefusesWork() {
        EventLoop loop = Loops.newLoop();
        loop.close();

        AtomicReference<Object> submitted = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> submitted.set(loop.submit(() -> "too late")));

        if (thrown == null) {
            fail(String.format("Expecting submit() on a closed loop to throw IllegalStateException(\"Event loop is closed\"),%n"
                    + "but it returned a future instead: %s%n"
                    + "A closed loop runs no more tasks, so it must refuse new ones at once, by throwing.", submitted.get()));
        }
        assertThat(thrown)
                .withFailMessage("Expecting submit() on a closed loop to throw IllegalStateException(\"Event loop is closed\"),"
                        + "%nbut it threw %s.%nUse exactly that type and message: it is what asyncio says, and what callers look for.",
                        thrown)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Event loop is closed");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("ReportJob, then EmailJob: both succeed, each calling its service on a loop thread")
    @Hint("Task 2: in each job replace Loops.shared() by Loops.newLoop() — the job owns that loop, so closing it harms no one.")
    void reportThenEmailBothSucceed() {
        bothSucceedInOrder(Job.report(remote::fetch), Job.email(remote::fetch));
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("EmailJob, then ReportJob: both succeed, each calling its service on a loop thread")
    @Hint("Task 2: whichever job runs first must not break the other: each job creates its own loop with Loops.newLoop().")
    void emailThenReportBothSucceed() {
        bothSucceedInOrder(Job.email(remote::fetch), Job.report(remote::fetch));
    }

    @Test
    @Order(4)
    @DisplayName("ReportJob leaves the shared loop open, and Loops.shared() still gives that same loop: the job never closes a loop it only borrowed")
    @Hint("Task 2: the shared loop belongs to the program, not to the job. Let the job run on a loop of its own instead.")
    void jobLeavesSharedLoopOpen() {
        EventLoop shared = Loops.shared();

        Outcome outcome = Job.report(remote::fetch).run();

        if (shared.isClosed()) {
            fail(String.format("Expecting ReportJob to leave the shared loop (Loops.shared()) open,%n"
                    + "but after ReportJob.run() %s, the shared loop was closed: ReportJob closed a loop it only borrowed,"
                    + "%nso every job that borrows it next finds it closed (\"Event loop is closed\").%n"
                    + "Give the job its own loop (Loops.newLoop()) and close that one.", outcome.describe()));
        }
        EventLoop sharedNow = Loops.shared();
        if (sharedNow != shared) {
            fail(String.format("Expecting Loops.shared() to give the same loop every time, the one the program shares,%n"
                    + "but after ReportJob.run() it gave another one (%s, before %s): a loop that is shared is made once.",
                    sharedNow, shared));
        }
    }

    @Test
    @Order(5)
    @DisplayName("when the report service fails, ReportJob.run() fails with its exception, and the job's loop thread ends")
    @Hint("Task 3: open the loop in try-with-resources — `try (EventLoop loop = Loops.newLoop()) { ... }` closes it on every path.")
    void reportJobClosesItsLoopOnFailure() {
        loopClosesWhenServiceFails("ReportJob", "report", Job::report);
    }

    @Test
    @Order(6)
    @DisplayName("when the mail service fails, EmailJob.run() fails with its exception, and the job's loop thread ends")
    @Hint("Task 3: a close() after join() is skipped when join() throws. try-with-resources closes the loop on every path.")
    void emailJobClosesItsLoopOnFailure() {
        loopClosesWhenServiceFails("EmailJob", "email", Job::email);
    }

    private void bothSucceedInOrder(Job first, Job second) {
        Outcome firstRun = first.run();
        if (!firstRun.returned()) {
            fail(String.format("Expecting %s to succeed when it runs first,%nbut it %s.%n"
                    + "A job submits its service call to an event loop, waits for the reply and returns it.%nTimeline:%n%s",
                    first.name(), firstRun.describe(), remote.log().timeline()));
        }
        Outcome secondRun = second.run();
        if (secondRun.hung()) {
            fail(String.format("Expecting %s to succeed after %s ran,%nbut it %s.%n"
                    + "A call submitted to a loop that was closed never runs, so whoever waits for its future waits forever."
                    + "%nMake a closed loop refuse work (task 1), then give each job its own loop (Loops.newLoop())"
                    + " and close it with try-with-resources.",
                    second.name(), first.name(), secondRun.describe()));
        }
        if (secondRun.failedBecauseLoopClosed()) {
            fail(String.format("Expecting %s to succeed after %s ran,%nbut it failed with 'Event loop is closed': the loop"
                    + " it used had been closed before. A job that closes the shared loop it only borrowed breaks every job"
                    + " after it.%nGive each job its own loop (Loops.newLoop()) and close it with try-with-resources.",
                    second.name(), first.name()));
        }
        if (!secondRun.returned()) {
            fail(String.format("Expecting %s to succeed after %s ran,%nbut it %s. Each job must work whatever ran before it."
                    + "%nTimeline:%n%s", second.name(), first.name(), secondRun.describe(), remote.log().timeline()));
        }
        returnedReply(first, firstRun);
        returnedReply(second, secondRun);
        calledOnLoopThread(first);
        calledOnLoopThread(second);
    }

    private void loopClosesWhenServiceFails(String name, String request, Function<JobService, Job> jobOn) {
        FakeRemote failing = FakeRemote.named(request + " service").latency(Duration.ofMillis(100))
                .failOn(request, () -> new IllegalStateException(request + " service down")).build();
        AtomicReference<Thread> caller = new AtomicReference<>();
        JobService service = req -> {
            caller.set(Thread.currentThread());
            return failing.fetch(req);
        };

        // The shared loop's thread, so that a job borrowing that loop can be told apart from one leaking its own.
        Thread sharedThread = Loops.shared().submit(Thread::currentThread).join();

        Outcome outcome = jobOn.apply(service).run();

        if (outcome.returned() || outcome.hung()) {
            fail(String.format("Expecting %s.run() to fail because its service failed ('%s service down'),%nbut it %s."
                    + "%nLet the failure through: whoever runs the job must learn that it did not work.",
                    name, request, outcome.describe()));
        }
        Throwable cause = outcome.failure().getCause();
        if (!(outcome.failure() instanceof CompletionException) || !(cause instanceof IllegalStateException)
                || !(request + " service down").equals(cause.getMessage())) {
            fail(String.format("Expecting %s.run() to throw a CompletionException whose cause is its service's own"
                    + " IllegalStateException '%s service down',%nbut it threw %s.%nLet the failure through as join()"
                    + " throws it: do not catch it, and do not replace it with another.", name, request, outcome.failure()));
        }
        Thread loopThread = caller.get();
        if (loopThread == null || !loopThread.getName().startsWith("event-loop-")) {
            fail(String.format("Expecting %s to call its service on its loop's thread (\"event-loop-…\"),%nbut it called it on %s."
                    + "%nSubmit the call to the job's loop: loop.submit(() -> service.call(\"%s\")).",
                    name, loopThread == null ? "no thread at all (it never called the service)" : "\"" + loopThread.getName() + "\"",
                    request));
        }
        if (loopThread == sharedThread) {
            fail(String.format("Expecting %s to run on a loop of its own, which it closes when it is done,%n"
                    + "but it called its service on the shared loop (\"%s\"): that loop belongs to the program, so the job"
                    + " must not close it,%nand its thread lives on after the job. Give the job its own loop"
                    + " (Loops.newLoop()) in try-with-resources.", name, sharedThread.getName()));
        }
        assertThat(loopThread).as("%s's loop, after its service failed", name).endsAfter(name + ".run()");
    }

    private void returnedReply(Job job, Outcome outcome) {
        assertThat(outcome.value())
                .withFailMessage("Expecting %s.run() to return its service's reply \"reply to %s\",%nbut it returned \"%s\"."
                        + "%nReturn what the call you submitted to the loop produced.", job.name(), job.request(), outcome.value())
                .isEqualTo("reply to " + job.request());
    }

    private void calledOnLoopThread(Job job) {
        String thread = remote.log().startOf(job.request()).map(CallEvent::thread).orElse("no thread at all");
        assertThat(thread)
                .withFailMessage("Expecting %s to call its service on an event-loop thread (\"event-loop-…\"),%nbut it called"
                        + " it on \"%s\": the job did the work itself instead of on its loop.%n"
                        + "Submit the call: loop.submit(() -> service.call(\"%s\")).", job.name(), thread, job.request())
                .startsWith("event-loop-");
    }

    /** A nightly job as the checks see it: its name, the request it sends, and how to run it. */
    record Job(String name, String request, Supplier<String> body) {

        static Job report(JobService service) {
            return new Job("ReportJob", "report", new ReportJob(service)::run);
        }

        static Job email(JobService service) {
            return new Job("EmailJob", "email", new EmailJob(service)::run);
        }

        /**
         * Runs the job and waits at most {@link LoopLifecycleTest#PATIENCE} for it, so that a job stuck on a closed
         * loop fails its check instead of holding up the whole run.
         */
        Outcome run() {
            return start().outcome();
        }

        /** Starts run() on a daemon thread of its own, so that a job stuck on a closed loop cannot hold up the checks. */
        Running start() {
            FutureTask<String> task = new FutureTask<>(body::get);
            Thread caller = new Thread(task, "caller of " + name + ".run()");
            caller.setDaemon(true);
            caller.start();
            return new Running(this, task);
        }
    }

    /** A job whose run() was started and may still be going. */
    record Running(Job job, FutureTask<String> task) {

        /** How run() ended, after waiting at most {@link LoopLifecycleTest#PATIENCE} for it. */
        Outcome outcome() {
            try {
                return new Outcome(task.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), null, false);
            } catch (TimeoutException stuck) {
                return new Outcome(null, null, true);
            } catch (ExecutionException failed) {
                return new Outcome(null, failed.getCause(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + job.name(), e);
            }
        }
    }

    /** How a job's run() ended: it returned a value, threw, or was still running when patience ran out. */
    record Outcome(String value, Throwable failure, boolean hung) {

        boolean returned() {
            return !hung && failure == null;
        }

        boolean returned(String reply) {
            return returned() && reply.equals(value);
        }

        boolean failedBecauseLoopClosed() {
            Throwable cause = Futures.unwrap(failure);
            return cause instanceof IllegalStateException && "Event loop is closed".equals(cause.getMessage());
        }

        /** What happened, as the learner reads it, e.g. "failed with 'Event loop is closed'". */
        String describe() {
            if (hung) {
                return "was still waiting " + PATIENCE.toSeconds() + " s after it started";
            }
            if (failure == null) {
                return "returned \"" + value + "\"";
            }
            Throwable cause = Futures.unwrap(failure);
            return cause.getMessage() == null ? "failed with " + cause.getClass().getSimpleName()
                    : "failed with " + cause.getClass().getSimpleName() + " '" + cause.getMessage() + "'";
        }
    }
}
