package awaitlings.run;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static java.util.concurrent.CompletableFuture.supplyAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** More checks of {@link AsyncRunner}, built on the fixtures of {@link AsyncRunnerTest} (same package). */
@DisplayName("04 · run to completion (hidden)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsyncRunnerHiddenTest {

    @Test
    @Order(1)
    @DisplayName("run() waits for main's future: it has not returned while the reply is held back, and returns it once released")
    @Hint("run() is the one place that waits: join() the future main returned before you return.")
    void waitsForTheFutureOfMain() {
        FakeRemote kitchen = FakeRemote.named("kitchen").held().build();
        try {
            CompletableFuture<String> outcome = runOnACaller(executor -> supplyAsync(() -> kitchen.fetch("latte"), executor))
                    .outcome();
            awaitFetchStartedOrRunEnded(kitchen, outcome);
            if (outcome.isDone()) {
                throw AsyncRunnerTest.failure("Expecting run() to wait for main's future,%n"
                        + "but it came back (%s) while the kitchen's reply was still held back.%n"
                        + "Wait for the future with join() and return its value.%nKitchen timeline:%n%s",
                        howRunEnded(outcome), kitchen.log().timeline());
            }
            kitchen.release();
            assertThat(Futures.valueOf("run(main)", outcome))
                    .as("run() should return what main's future completed with once the reply arrived")
                    .isEqualTo("reply to latte");
        } finally {
            kitchen.release();
        }
    }

    @Test
    @Order(2)
    @DisplayName("run() keeps its executor open until main's future is done: a later step of main still runs on it")
    @Hint("Shut the executor down after join() has returned (in finally), not before: main's later steps run on it too.")
    void keepsTheExecutorOpenForLaterSteps() {
        FakeRemote kitchen = FakeRemote.named("kitchen").held().build();
        try {
            // The second step is handed to the executor only once the first is done, which the test holds back until
            // run() is waiting for main's future: by then run() has done whatever it does before it waits.
            RunOnACaller run = runOnACaller(executor -> supplyAsync(() -> kitchen.fetch("latte"), executor)
                    .thenApplyAsync(latte -> latte + " with foam", executor));
            CompletableFuture<String> outcome = run.outcome();
            awaitFetchStartedOrRunEnded(kitchen, outcome);
            awaitWaiting(run.caller(), outcome);
            kitchen.release();
            Throwable failed = outcome.handle((value, failure) -> failure).join();
            if (Futures.unwrap(failed) instanceof RejectedExecutionException rejected) {
                throw AsyncRunnerTest.failure("Expecting run() to keep its executor open until main's future was done,%n"
                        + "but main's second step, handed to the executor once the first was done, was rejected: %s%n"
                        + "run() shut the executor down before main had finished. Shut it down after join(), in finally.",
                        rejected.getMessage());
            }
            assertThat(Futures.valueOf("run(main)", outcome))
                    .as("run() should return what main's second step made of the kitchen's reply")
                    .isEqualTo("reply to latte with foam");
        } finally {
            kitchen.release();
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("when main throws before it returns a future, run() rethrows that exception and still shuts its executor down")
    @Hint("Call main.start(executor) inside the try whose finally shuts the executor down, not before it.")
    void shutsDownWhenMainItselfThrows() {
        IllegalStateException original = new IllegalStateException("main crashed before returning a future");
        AtomicReference<Thread> worker = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> AsyncRunner.run(executor -> {
            runOneTask(executor, worker);
            throw original;
        }));

        assertThat(AsyncRunnerTest.workerOf(worker, thrown)).endsAfter("run(), whose main threw,");
        AsyncRunnerTest.assertRethrownAsItIs(thrown, original);
    }

    @Test
    @Order(4)
    @DisplayName("when main returns an already failed future, run() rethrows its exception and still shuts its executor down")
    @Hint("join() on a failed future throws at once: only a finally block is sure to shut the executor down.")
    void shutsDownWhenMainReturnsAFailedFuture() {
        IllegalStateException original = new IllegalStateException("order rejected");
        AtomicReference<Thread> worker = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> AsyncRunner.run(executor -> {
            runOneTask(executor, worker);
            return CompletableFuture.<String>failedFuture(original);
        }));

        assertThat(AsyncRunnerTest.workerOf(worker, thrown)).endsAfter("run(), whose main returned a failed future,");
        AsyncRunnerTest.assertRethrownAsItIs(thrown, original);
    }

    @Test
    @Order(5)
    @DisplayName("when main fails with a checked exception, run() throws an unchecked one whose cause is that original")
    @Hint("Only unwrap when getCause() is a RuntimeException; otherwise throw the CompletionException, which keeps the original as its cause.")
    void keepsACheckedFailureAsTheCause() {
        IOException original = new IOException("receipt printer offline");

        Throwable thrown = catchThrowable(() -> AsyncRunner.run(executor ->
                supplyAsync(() -> "receipt", executor).thenCompose(receipt -> CompletableFuture.<String>failedFuture(original))));

        if (thrown == original || (thrown != null && thrown.getCause() == original)) {
            return;
        }
        if (thrown instanceof ClassCastException) {
            throw AsyncRunnerTest.failure("Expecting run() to throw an unchecked exception whose getCause() is %s,%n"
                    + "but it threw %s: the cause was cast to RuntimeException, and a checked exception is not one.%n"
                    + "Check with instanceof before you unwrap; keep a checked exception wrapped.",
                    AsyncRunnerTest.describe(original), AsyncRunnerTest.describe(thrown));
        }
        throw AsyncRunnerTest.failure("Expecting run() to throw an unchecked exception whose getCause() is %s, the checked"
                + " exception main failed with,%nbut it threw %s.%nrun() cannot throw a checked exception it does not"
                + " declare, but it must not lose it: throw the CompletionException from join(), whose cause it is.",
                AsyncRunnerTest.describe(original), thrown == null ? "nothing"
                        : AsyncRunnerTest.describe(thrown) + " with cause " + AsyncRunnerTest.describe(thrown.getCause()));
    }

    @Test
    @Order(6)
    @DisplayName("when main fails with an Error, run() throws that very Error, not a CompletionException")
    @Hint("An Error (like a RuntimeException) may leave run() undeclared: when getCause() is an Error, throw it as it is.")
    void rethrowsAnErrorAsItIs() {
        StackOverflowError original = new StackOverflowError("recipe recursion too deep");

        Throwable thrown = catchThrowable(() -> AsyncRunner.run(executor ->
                supplyAsync(() -> "recipe", executor).thenCompose(recipe -> CompletableFuture.<String>failedFuture(original))));

        AsyncRunnerTest.assertRethrownAsItIs(thrown, original);
    }

    /** Starts one quick task on main's executor and waits until it ran, so that the executor has a thread to end. */
    private static void runOneTask(Executor executor, AtomicReference<Thread> worker) {
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(() -> {
            worker.set(Thread.currentThread());
            ran.countDown();
        });
        try {
            ran.await(Futures.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run() called on a thread of its own, "run-caller", and the outcome it ends with. */
    private record RunOnACaller(Thread caller, CompletableFuture<String> outcome) {
    }

    /** Calls AsyncRunner.run(main) on a daemon thread: a run() that never returns cannot hold up the checks. */
    private static RunOnACaller runOnACaller(AsyncMain<String> main) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(AsyncRunner.run(main));
            } catch (Throwable failure) {
                outcome.completeExceptionally(failure);
            }
        }, "run-caller");
        caller.setDaemon(true);
        caller.start();
        return new RunOnACaller(caller, outcome);
    }

    /** Waits until the thread that called run() is waiting (for main's future) or run() has returned. */
    private static void awaitWaiting(Thread caller, CompletableFuture<String> outcome) {
        Set<Thread.State> waiting = Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        try {
            await().atMost(Futures.PATIENCE).until(() -> waiting.contains(caller.getState()) || outcome.isDone());
        } catch (ConditionTimeoutException busy) {
            throw AsyncRunnerTest.failure("Expecting run() to wait for main's future while the kitchen's reply was held back,"
                    + "%nbut %d s later its thread was still %s.", Futures.PATIENCE.toSeconds(),
                    caller.getState().name().toLowerCase());
        }
    }

    private static void awaitFetchStartedOrRunEnded(FakeRemote kitchen, CompletableFuture<String> outcome) {
        try {
            await().atMost(Futures.PATIENCE).until(() -> kitchen.log().startOf("latte").isPresent() || outcome.isDone());
        } catch (ConditionTimeoutException neither) {
            throw AsyncRunnerTest.failure("Expecting main's fetch to start once run() was called,%nbut after %d s it had"
                    + " not started and run() had not returned.%nCall main.start(executor) with an executor that runs the"
                    + " tasks it is given.", Futures.PATIENCE.toSeconds());
        }
        if (kitchen.log().startOf("latte").isEmpty()) {
            throw AsyncRunnerTest.failure("Expecting run() to start main and wait for it,%nbut it came back (%s) before"
                    + " main's fetch even started.%nCall main.start(executor), then join() the future it returns.",
                    howRunEnded(outcome));
        }
    }

    /** "returned …" or "threw …": how the run() on the caller thread ended, for a run() that came back too early. */
    private static String howRunEnded(CompletableFuture<String> outcome) {
        try {
            return "returned " + outcome.getNow(null);
        } catch (RuntimeException failed) {
            return "threw " + AsyncRunnerTest.describe(Futures.unwrap(failed));
        }
    }
}
