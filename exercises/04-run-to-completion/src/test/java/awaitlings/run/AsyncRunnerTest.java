package awaitlings.run;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static java.util.concurrent.CompletableFuture.supplyAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("04 · run to completion")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsyncRunnerTest {

    private static final Duration LATENCY = Duration.ofMillis(100);

    @Test
    @Order(1)
    @DisplayName("run() returns the value of main's future: three fetches joined into one order")
    @Hint("Create an executor, pass it to main.start(executor), wait for the future it returns with join() and return that value.")
    void returnsTheValueOfMain() {
        FakeRemote kitchen = FakeRemote.named("kitchen").latency(LATENCY).respond(String::toUpperCase).build();

        String order = runMain(executor -> {
            CompletableFuture<String> coffee = supplyAsync(() -> kitchen.fetch("latte"), executor);
            CompletableFuture<String> pastry = supplyAsync(() -> kitchen.fetch("croissant"), executor);
            CompletableFuture<String> juice = supplyAsync(() -> kitchen.fetch("orange juice"), executor);
            return coffee.thenCombine(pastry, (c, p) -> c + " + " + p).thenCombine(juice, (cp, j) -> cp + " + " + j);
        });

        assertThat(order)
                .as("run() should return the value main's future completed with, the three fetches joined.%n"
                        + "Kitchen timeline:%n%s", kitchen.log().timeline())
                .isEqualTo("LATTE + CROISSANT + ORANGE JUICE");
    }

    @Test
    @Order(2)
    @DisplayName("main's work runs on a new thread of run()'s own executor, not on the caller's thread or the common pool")
    @Hint("Make a new executor inside run(), e.g. Executors.newFixedThreadPool(4), and hand exactly that one to main.")
    void mainRunsOnAnExecutorOfItsOwn() {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        AtomicReference<Thread> worker = new AtomicReference<>();

        runMain(executor -> recordingWorker(executor, worker, () -> "done"));

        Thread ran = workerOf(worker, null);
        if (ran == Thread.currentThread()) {
            throw failure("Expecting main's task to run on a thread of run()'s executor,%n"
                    + "but it ran on the thread that called run(): the executor handed to main runs tasks right away"
                    + " (like Runnable::run).%nGive main a real pool of threads, e.g. Executors.newFixedThreadPool(4).");
        }
        if (ran.getName().startsWith("ForkJoinPool.commonPool")) {
            throw failure("Expecting main's task to run on a thread of run()'s own executor,%n"
                    + "but it ran on \"%s\", a thread of the JVM-wide common pool, which run() does not own and cannot"
                    + " shut down.%nCreate an executor inside run(), e.g. Executors.newFixedThreadPool(4).", ran.getName());
        }
        if (before.contains(ran)) {
            throw failure("Expecting main's task to run on a thread that run() started for this call,%n"
                    + "but it ran on \"%s\", which was alive before run() was called: an executor shared between calls."
                    + "%nLike asyncio.run makes a new event loop, run() should make a new executor every time.",
                    ran.getName());
        }
    }

    @Test
    @Order(3)
    @DisplayName("three fetches that main starts on the executor run at the same time")
    @Hint("A single thread runs main's tasks one after another. Give the executor a few threads, e.g. Executors.newFixedThreadPool(4).")
    void mainsTasksRunAtTheSameTime() {
        FakeRemote kitchen = FakeRemote.named("kitchen").latency(LATENCY).rendezvous(3).build();

        runMain(executor -> CompletableFuture.allOf(
                supplyAsync(() -> kitchen.fetch("latte"), executor),
                supplyAsync(() -> kitchen.fetch("croissant"), executor),
                supplyAsync(() -> kitchen.fetch("orange juice"), executor)));

        assertThat(kitchen).ranConcurrently(3);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("when main succeeds, run() shuts its executor down: the worker thread ends")
    @Hint("Call executor.shutdown() (or shutdownNow()) before run() returns, so that the pool's threads end.")
    void shutsTheExecutorDownAfterSuccess() {
        AtomicReference<Thread> worker = new AtomicReference<>();

        runMain(executor -> recordingWorker(executor, worker, () -> "done"));

        assertThat(workerOf(worker, null)).endsAfter("run()");
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("when main fails, run() still shuts its executor down: the worker thread ends")
    @Hint("Shutting down after join() is skipped when join() throws. Put executor.shutdown() in a finally block.")
    void shutsTheExecutorDownAfterFailure() {
        FakeRemote kitchen = FakeRemote.named("kitchen").latency(LATENCY)
                .failOn("cart", () -> new IllegalStateException("cart service down")).build();
        AtomicReference<Thread> worker = new AtomicReference<>();

        Throwable thrown = catchThrowable(() ->
                runMain(executor -> recordingWorker(executor, worker, () -> kitchen.fetch("cart"))));

        assertThat(workerOf(worker, thrown)).endsAfter("a failing run()");
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("when main fails, run() throws the very exception main failed with, not a CompletionException")
    @Hint("join() wraps the failure in a CompletionException. Catch it and throw its getCause() when that is a RuntimeException.")
    void rethrowsTheOriginalException() {
        IllegalStateException original = new IllegalStateException("cart service down");
        FakeRemote kitchen = FakeRemote.named("kitchen").latency(LATENCY).failOn("cart", () -> original).build();

        Throwable thrown = catchThrowable(() ->
                runMain(executor -> supplyAsync(() -> kitchen.fetch("cart"), executor)));

        assertRethrownAsItIs(thrown, original);
    }

    @Test
    @Order(7)
    @DisplayName("run() can be called twice in a row: each call gets a fresh executor and shuts it down")
    @Hint("Create the executor inside run(), not once in a field: a shut-down executor rejects new work.")
    void canBeCalledTwice() {
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();

        String one = runMain(executor -> recordingWorker(executor, first, () -> "first"));
        String two = runMain(executor -> recordingWorker(executor, second, () -> "second"));

        assertThat(one + ", " + two)
                .as("each run() should return the value of its own main: \"first\", then \"second\"")
                .isEqualTo("first, second");
        if (workerOf(first, null) == workerOf(second, null)) {
            throw failure("Expecting each run() to run main on a thread of its own executor,%n"
                    + "but both calls ran on \"%s\": the executor outlived the first run().%n"
                    + "Create a new executor inside run() and shut it down before run() returns.", first.get().getName());
        }
        assertThat(first.get()).endsAfter("the first run()");
        assertThat(second.get()).endsAfter("the second run()");
    }

    /** Calls {@code AsyncRunner.run(main)}; an executor that rejects main's task fails with what that means. */
    static <T> T runMain(AsyncMain<T> main) {
        try {
            return AsyncRunner.run(main);
        } catch (RejectedExecutionException rejected) {
            throw failure("Expecting run() to hand main an executor that takes work,%n"
                    + "but it rejected main's task: %s%n"
                    + "An executor that was shut down cannot be used again. Create a new executor inside run(),"
                    + " once per call.", rejected.getMessage());
        }
    }

    /**
     * Main's work: records the thread it ran on, then does {@code work}. It hands the task to the executor itself
     * (not via supplyAsync, which swaps a one-thread common pool for a thread per task), so the thread is the executor's.
     */
    static <T> CompletableFuture<T> recordingWorker(Executor executor, AtomicReference<Thread> worker, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            worker.set(Thread.currentThread());
            try {
                result.complete(work.get());
            } catch (RuntimeException failed) {
                result.completeExceptionally(failed);
            }
        });
        return result;
    }

    /** The thread main's task ran on; fails with what run() did instead when it never ran. */
    static Thread workerOf(AtomicReference<Thread> worker, Throwable thrownByRun) {
        if (worker.get() == null) {
            throw failure("Expecting main's task to run on the executor run() handed to main,%n"
                    + "but it never ran%s.%nCreate an executor, call main.start(executor) and wait for its future.",
                    thrownByRun == null ? "" : ": run() threw " + describe(thrownByRun));
        }
        return worker.get();
    }

    /** Passes when run() threw {@code original} itself; otherwise says what it threw and how to unwrap it. */
    static void assertRethrownAsItIs(Throwable thrown, Throwable original) {
        if (thrown == original) {
            return;
        }
        if (thrown == null) {
            throw failure("Expecting run() to throw %s, the exception main failed with,%n"
                    + "but it returned normally: a failed main must not look like a success.", describe(original));
        }
        if ((thrown instanceof CompletionException || thrown instanceof ExecutionException) && thrown.getCause() == original) {
            throw failure("Expecting run() to throw %s, the exception main failed with,%n"
                    + "but it threw the wrapper around it: %s.%n"
                    + "Catch the %s and throw its getCause() instead, so callers can catch what really went wrong.",
                    describe(original), describe(thrown), thrown.getClass().getSimpleName());
        }
        throw failure("Expecting run() to throw %s, the exception main failed with (that very object),%n"
                + "but it threw %s.%nRethrow the original failure, do not make a new one.",
                describe(original), describe(thrown));
    }

    /** A failed check whose message is {@code template} formatted with {@code args}. */
    static AssertionError failure(String template, Object... args) {
        return new AssertionError(String.format(template, args));
    }

    /** A failure as a message shows it: its class and message, or "nothing" when there is none. */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "nothing";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : "(\"" + failure.getMessage() + "\")");
    }
}
