package awaitlings.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.ExploresInterleavings;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Interleavings;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("02 · a future is not the value (hidden checks)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FutureNotValueHiddenTest {

    private final FakeRemote remote = FutureNotValueTest.greeterRemote()
            .failOn("Bob", () -> new IllegalStateException("greeter is down for Bob"))
            .build();

    // ---- Task 1 ----

    @Test
    @Order(1)
    @DisplayName("task 1 · greeting(\"Bob\") throws the greeter's own IllegalStateException when the greeter fails, not a CompletionException")
    @Hint("join() wraps a failure in a CompletionException. Catch it and throw its cause, so callers see the real failure.")
    void greetingRethrowsTheOriginalFailure() {
        Greetings greetings = new Greetings(remote::fetchAsync);

        Throwable thrown = catchThrowable(() -> greetings.greeting("Bob"));

        if (thrown instanceof CompletionException) {
            fail(String.format("Expecting greeting(\"Bob\") to throw the greeter's IllegalStateException,%n"
                    + "but it threw the CompletionException that join() wraps failures in: %s%n"
                    + "Catch the CompletionException and throw its cause instead.", thrown));
        }
        assertThat(thrown)
                .withFailMessage("Expecting greeting(\"Bob\") to throw the greeter's "
                        + "IllegalStateException(\"greeter is down for Bob\"),%nbut it %s.", outcome(thrown))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("greeter is down for Bob");
    }

    @Test
    @Order(2)
    @DisplayName("task 1 · greeting(\"Eve\") throws the greeter's own Error as it is, not a CompletionException")
    @Hint("Like a RuntimeException, an Error may be thrown without declaring it: when the cause is an Error, throw it.")
    void greetingRethrowsAnError() {
        StackOverflowError failure = new StackOverflowError("greeter recursed for Eve");
        Greetings greetings = new Greetings(name -> CompletableFuture.failedFuture(failure));

        Throwable thrown = catchThrowable(() -> greetings.greeting("Eve"));

        assertThat(thrown)
                .withFailMessage("Expecting greeting(\"Eve\") to throw the greeter's own %s,%nbut it %s.", failure, outcome(thrown))
                .isSameAs(failure);
    }

    @Test
    @Order(3)
    @DisplayName("task 1 · greeting(\"Max\") throws a CompletionException whose cause is the greeter's checked IOException")
    @Hint("A checked exception cannot leave greeting() undeclared, and a blind cast of the cause fails on it: throw the"
            + " CompletionException from join(), which keeps it as its cause.")
    void greetingKeepsACheckedFailureAsTheCause() {
        IOException failure = new IOException("greeter unreachable for Max");
        Greetings greetings = new Greetings(name -> CompletableFuture.failedFuture(failure));

        Throwable thrown = catchThrowable(() -> greetings.greeting("Max"));

        assertThat(thrown)
                .withFailMessage("Expecting greeting(\"Max\") to throw a CompletionException whose cause is the greeter's%n"
                        + "    %s%nbut it %s%s.", failure, outcome(thrown),
                        thrown instanceof ClassCastException ? ": the cause was cast to RuntimeException, and a checked"
                                + " exception is not one. Check with instanceof before you unwrap" : "")
                .isInstanceOf(CompletionException.class)
                .hasCause(failure);
    }

    // ---- Task 2 ----

    @Test
    @Order(4)
    @DisplayName("task 2 · flatten(nested) fails with the inner future's own exception when the inner future fails")
    @Hint("thenCompose passes a failure of the inner future on to the flat future; a hand-made future must do that too.")
    void flattenPassesOnTheInnerFailure() {
        CompletableFuture<CompletableFuture<String>> nested = new CompletableFuture<>();
        CompletableFuture<String> inner = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("inner future failed");

        try {
            CompletableFuture<String> flat = NonBlocking.returnsWhileHeld("Greetings.flatten(nested)", () -> Greetings.flatten(nested));
            NonBlocking.returnsWhileHeld("nested.complete(inner), which runs the callbacks your flatten() chained,",
                    () -> nested.complete(inner));
            inner.completeExceptionally(failure);

            Throwable failedWith = failureInsideGet("flatten(nested)", flat);
            assertThat(failedWith)
                    .withFailMessage("Expecting flatten(nested) to fail with the inner future's exception (%s),%n"
                            + "but it failed with %s.", failure, failedWith)
                    .isSameAs(failure);
        } finally {
            inner.completeExceptionally(failure); // frees a callback that waits on it, if any
        }
    }

    @Test
    @Order(5)
    @DisplayName("task 2 · flatten(nested) fails with the outer future's own exception when the outer future fails")
    @Hint("If the outer future fails there is no inner future at all: the flat future must fail with the outer failure.")
    void flattenPassesOnTheOuterFailure() {
        CompletableFuture<CompletableFuture<String>> nested = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("outer future failed");

        CompletableFuture<String> flat = NonBlocking.returnsWhileHeld("Greetings.flatten(nested)", () -> Greetings.flatten(nested));
        nested.completeExceptionally(failure);

        Throwable failedWith = failureInsideGet("flatten(nested)", flat);
        assertThat(failedWith)
                .withFailMessage("Expecting flatten(nested) to fail with the outer future's exception (%s),%n"
                        + "but it failed with %s.", failure, failedWith)
                .isSameAs(failure);
    }

    // ---- Task 3 ----

    @Test
    @Order(6)
    @DisplayName("task 3 · greetingOfUser(name) fails with the lookup's exception when the name never arrives, and never asks the greeter")
    @Hint("Chain on the name future: when it fails, the chained step is skipped and the failure flows into the result.")
    void greetingOfUserPassesOnTheLookupFailure() {
        Greetings greetings = new Greetings(remote::fetchAsync);
        CompletableFuture<String> userName = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("user lookup failed");

        CompletableFuture<String> greeting = NonBlocking.returnsWhileHeld("greetingOfUser(name)", () -> greetings.greetingOfUser(userName));
        userName.completeExceptionally(failure);

        Throwable failedWith = failureInsideGet("greetingOfUser(name)", greeting);
        assertThat(failedWith)
                .withFailMessage("Expecting greetingOfUser(name) to fail with the lookup's exception (%s),%n"
                        + "but it failed with %s.", failure, failedWith)
                .isSameAs(failure);
        assertThat(remote.requests())
                .withFailMessage("Expecting the greeter never to be asked when the user's name never arrived,%n"
                        + "but it was asked %d time(s).", remote.requests())
                .isZero();
    }

    @Test
    @Order(7)
    @DisplayName("task 3 · greetingOfUser(name) fails with the greeter's own exception when the greeter fails")
    @Hint("Chain the greeter's future with thenCompose: its failure then becomes the failure of the result, unchanged.")
    void greetingOfUserPassesOnTheGreeterFailure() {
        Greetings greetings = new Greetings(remote::fetchAsync);

        CompletableFuture<String> greeting = NonBlocking.returnsWhileHeld("greetingOfUser(name)",
                () -> greetings.greetingOfUser(CompletableFuture.completedFuture("Bob")));

        Throwable failedWith = failureInsideGet("greetingOfUser(name)", greeting);
        assertThat(failedWith)
                .withFailMessage("Expecting greetingOfUser(name) to fail with the greeter's "
                        + "IllegalStateException(\"greeter is down for Bob\"),%nbut it failed with %s.", failedWith)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("greeter is down for Bob");
    }

    // ---- Task 4 ----

    @Test
    @Order(8)
    @Points(2)
    @ExploresInterleavings
    @DisplayName("task 4 · two threads calling start() at the same moment run the work once and get the same future")
    @Hint("\"Not started yet? Then start\" must be one step: make start() synchronized (or use an AtomicReference).")
    void startFromTwoThreadsRunsTheWorkOnce() {
        Interleavings.explore(LazyTask.class,
                "two threads calling start() at the same moment to run the work once and get the same future",
                () -> new StartRace(),
                List.of(race -> race.first = race.task.start(), race -> race.second = race.task.start()),
                race -> race.runs.get() == 1 && race.first == race.second,
                race -> race.runs.get() != 1 ? "the work ran " + race.runs.get() + " times"
                        : "the two threads got two different futures");
    }

    /** One task that two threads are about to start, and what each of them got. */
    private static final class StartRace {
        final AtomicInteger runs = new AtomicInteger();
        final LazyTask<String> task = LazyTask.of(() -> {
            runs.incrementAndGet();
            return new CompletableFuture<>();
        });
        CompletableFuture<String> first;
        CompletableFuture<String> second;
    }

    @Test
    @Order(9)
    @DisplayName("task 4 · start() after the work failed returns the same failed future and does not run the work again")
    @Hint("A started task stays started, failed or not: return the stored future, like awaiting a finished asyncio task.")
    void startAfterAFailureKeepsTheFailure() {
        // Each run of the work asks the greeter once, and requests() counts that the moment it is asked.
        LazyTask<String> task = LazyTask.of(() -> remote.fetchAsync("Bob"));

        CompletableFuture<String> first = startWithoutThrowing(task);
        Throwable failedWith = failureInsideGet("start()", first);
        CompletableFuture<String> again = startWithoutThrowing(task);

        assertThat(failedWith)
                .withFailMessage("Expecting the task's future to fail with the greeter's IllegalStateException,%n"
                        + "but it failed with %s.", failedWith)
                .isInstanceOf(IllegalStateException.class);
        assertThat(remote.requests())
                .withFailMessage("Expecting start() after a failure not to run the work again,%n"
                        + "but the work ran %d times. Return the future you stored, failed or not.", remote.requests())
                .isOne();
        assertThat(again)
                .withFailMessage("Expecting start() after a failure to return the same failed future,%n"
                        + "but it returned another one: first %s, then %s.", first, again)
                .isSameAs(first);
    }

    // ---- helpers ----

    /** start(), which hands a failure of the work out inside its future: it never waits, so it cannot throw it. */
    private static <T> CompletableFuture<T> startWithoutThrowing(LazyTask<T> task) {
        try {
            return task.start();
        } catch (RuntimeException thrown) {
            throw new AssertionError(String.format("Expecting start() to return the work's future, failing later,%n"
                    + "but start() itself threw %s: it waited for the work. Return the future without joining it.",
                    thrown), thrown);
        }
    }

    /**
     * The failure of {@code future} as get() reports it, inside its ExecutionException. Futures.failureOf waits for
     * it, but peels off every wrapper; this peels off only get()'s own, so a failure the code wrapped once more
     * (say in the ExecutionException of an inner get()) shows as that wrapper, not as the original.
     */
    private static Throwable failureInsideGet(String what, CompletableFuture<?> future) {
        Futures.failureOf(what, future);
        return catchThrowable(future::get).getCause();
    }

    /** What a call did, for a message: {@code threw X ("message")} or {@code returned normally}. */
    private static String outcome(Throwable thrown) {
        if (thrown == null) {
            return "returned normally";
        }
        return "threw " + thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : " (\"" + thrown.getMessage() + "\")");
    }
}
