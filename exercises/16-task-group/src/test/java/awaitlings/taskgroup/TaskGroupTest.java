package awaitlings.taskgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallEvent;
import awaitlings.harness.CallLog;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each task calls a fake service that logs the call, its thread (virtual or not) and whether it was interrupted.
 * A held service answers only when the check lets it, so "still running" is decided by the check, not the clock.
 */
@DisplayName("16 · structured concurrency")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskGroupTest {

    // The fixtures without `private` are shared with TaskGroupHiddenTest (same package).
    /** The tasks whose code has ended, clean-up included. */
    final List<String> ended = new CopyOnWriteArrayList<>();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** The services this check's tasks call, in the order the check made them, for the timeline of a failure. */
    private final Set<FakeRemote> services = Collections.synchronizedSet(new LinkedHashSet<>());
    /** The check's join() and close(), and the tasks' clean-up, for the same timeline. */
    private final CallRecorder calls = new CallRecorder();

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · three forked tasks run at the same time, each on a virtual thread of its own; join waits for all, then get gives each result")
    @Hint("Task 1: make the group's threads with Executors.newVirtualThreadPerTaskExecutor(); fork submits the task to"
            + " it and returns future::resultNow; join waits for every task with shutdown() and awaitTermination(...).")
    void forkedTasksRunAtOnce() {
        FakeRemote service = service().held().build();
        TaskGroup group = new TaskGroup();
        List<Subtask<String>> subtasks = List.of(group.fork(call(service, "a")), group.fork(call(service, "b")),
                group.fork(call(service, "c")));
        CallerThread<Void> joining = join(group);
        try {
            awaitStarted(service, 3);
            assertThat(ended).withFailMessage("Expecting the tasks to wait for the held service,%nbut %s ended.", ended)
                    .isEmpty();
        } finally {
            service.release();
        }
        returned(joining, "join()");
        group.close();

        assertThat(subtasks.stream().map(TaskGroupTest::resultOf).toList())
                .isEqualTo(List.of("reply to a", "reply to b", "reply to c"));
        ranOnVirtualThreads(service, 3);
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("task 2 · the first task to fail interrupts its siblings (they see it), and join throws an ExecutionException with that failure")
    @Hint("Task 2: wrap each task: catch what it throws, keep the first failure (compareAndSet on an AtomicReference),"
            + " and cancel(true) every forked Future — that interrupts their threads. join() throws"
            + " new ExecutionException(first failure).")
    void theFirstFailureCancelsTheSiblings() {
        IllegalStateException down = new IllegalStateException("payment service down");
        FakeRemote held = service().held().build();
        FakeRemote failing = service().latency(Duration.ofMillis(10)).failOn("pay", () -> down).build();
        try (TaskGroup group = new TaskGroup()) {
            group.fork(call(held, "stock"));
            group.fork(call(failing, "pay"));
            group.fork(call(held, "ship"));

            Throwable thrown = catchThrowable(() -> returned(join(group), "join()"));

            failedWith(thrown, down);
            sawTheInterrupt(held, "stock", "ship");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 3 · join throws only once every task has ended, the cancelled ones' clean-up included")
    @Hint("Task 3: cancel(true) completes a Future at once, while its thread still runs. Wait for the threads"
            + " themselves: awaitTermination of the executor returns only once every task's code has ended.")
    void joinWaitsForTheCleanUp() {
        IllegalStateException down = new IllegalStateException("payment service down");
        FakeRemote held = service().held().build();
        FakeRemote failing = service().latency(Duration.ofMillis(10)).failOn("pay", () -> down).build();
        try (TaskGroup group = new TaskGroup()) {
            group.fork(withCleanUp(held, "stock", Duration.ofMillis(300)));
            group.fork(call(failing, "pay"));

            Throwable thrown = catchThrowable(() -> returned(join(group), "join()"));

            failedWith(thrown, down);
            assertThat(ended).withFailMessage("Expecting join() to throw only once every task had ended,%nbut when it"
                    + " threw, the cancelled task \"stock\" was still cleaning up (300 ms after its interrupt): it"
                    + " outlives its group.%nWait for the tasks' threads, not only for their Futures.%nTimeline:%n%s", timeline())
                    .contains("stock");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · close() without join interrupts the tasks still running and returns once they have ended, clean-up included")
    @Hint("Task 3: close() is what try-with-resources calls, also when the block threw before join(): shutdownNow()"
            + " interrupts every task's thread, then wait until they have all ended.")
    void closeStopsWhatStillRuns() {
        FakeRemote held = service().held().build();
        TaskGroup group = new TaskGroup();
        try {
            group.fork(withCleanUp(held, "stock", Duration.ofMillis(300)));
            group.fork(call(held, "ship"));
            awaitStarted(held, 2);

            returned(CallerThread.start("close()", () -> calls.callThrowing("close()", () -> {
                group.close();
                return null;
            })), "close()");

            sawTheInterrupt(held, "stock", "ship");
            assertThat(ended).withFailMessage("Expecting both tasks to have ended when close() returned, the clean-up of"
                    + " \"stock\" (300 ms after its interrupt) included,%nbut only %s had.%nTimeline:%n%s", ended, timeline())
                    .containsExactlyInAnyOrder("stock", "ship");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(5)
    @DisplayName("task 1 · get() throws IllegalStateException while its task runs; after join, fork is refused with \"Task group is closed\"")
    @Hint("Task 1: Future.resultNow() is get() for a task that is done, and throws IllegalStateException otherwise. join()"
            + " marks the group closed, and fork checks it first.")
    void getWaitsForJoinAndForkForAnOpenGroup() {
        FakeRemote held = service().held().build();
        try (TaskGroup group = new TaskGroup()) {
            Subtask<String> stock = group.fork(call(held, "stock"));
            awaitStarted(held, 1);
            Throwable early = catchThrowable(stock::get);
            assertThat(early).withFailMessage("Expecting get() to throw IllegalStateException while its task still ran,"
                    + "%nbut it %s.", early == null ? "returned" : "threw " + early).isInstanceOf(IllegalStateException.class);
            held.release();
            returned(join(group), "join()");
            assertThat(resultOf(stock)).isEqualTo("reply to stock");

            Throwable late = catchThrowable(() -> group.fork(() -> "late"));
            if (!(late instanceof IllegalStateException) || !"Task group is closed".equals(late.getMessage())) {
                fail(String.format("Expecting fork() after join() to throw IllegalStateException(\"Task group is closed\"),"
                        + "%nbut it %s.", late == null ? "returned" : "threw " + late));
            }
        } finally {
            held.release();
        }
    }

    // ---- the tasks ---------------------------------------------------------------------------------------------------

    /** The service the tasks call: "stock" answers "reply to stock". */
    static FakeRemote.Builder service() {
        return FakeRemote.named("service");
    }

    /** {@code service}, whose calls the timeline of a failure of this check then shows. */
    FakeRemote called(FakeRemote service) {
        services.add(service);
        return service;
    }

    /** The calls of every service this check's tasks called, its join() or close() and the clean-ups, on one time axis. */
    String timeline() {
        return CallLog.timelineOfAll(logs());
    }

    /** As {@link #timeline()}, with the axis run on to now, for a call still waiting. */
    String timelineUntilNow() {
        return CallLog.timelineOfAllUntilNow(logs());
    }

    private List<CallLog> logs() {
        List<CallLog> logs = new ArrayList<>();
        synchronized (services) {
            services.forEach(service -> logs.add(service.log()));
        }
        logs.add(calls.log());
        return logs;
    }

    /** A task that calls {@code service} for {@code key}, noting its thread, and that it ended. */
    Callable<String> call(FakeRemote service, String key) {
        called(service);
        return () -> {
            threads.add(Thread.currentThread());
            try {
                return service.fetch(key);
            } finally {
                ended.add(key);
            }
        };
    }

    /** Like {@link #call}, and when it is cancelled, it cleans up for {@code cleanUp} before it ends. */
    Callable<String> withCleanUp(FakeRemote service, String key, Duration cleanUp) {
        called(service);
        return () -> {
            try {
                return service.fetch(key);
            } catch (CancellationException interrupted) {
                Thread.interrupted();
                calls.callThrowing("clean-up", () -> {
                    Thread.sleep(cleanUp.toMillis());
                    return null;
                });
                throw interrupted;
            } finally {
                ended.add(key);
            }
        };
    }

    /** What get() gives once join() returned: the result, as its task is done by then. */
    static <T> T resultOf(Subtask<T> subtask) {
        try {
            return subtask.get();
        } catch (IllegalStateException notDone) {
            throw new AssertionError(String.format("Expecting get() to give the task's result once join() had returned,"
                    + "%nbut it threw %s: join() returned before the task had ended.", notDone), notDone);
        }
    }

    CallerThread<Void> join(TaskGroup group) {
        return CallerThread.start("join()", () -> calls.callThrowing("join()", () -> {
            group.join();
            return null;
        }));
    }

    void returned(CallerThread<Void> caller, String what) {
        caller.result(() -> String.format("Expecting %s to return once every task had ended,%nbut it was still waiting"
                + " %d s later: a task it waits for was never stopped (cancel(true) on a CompletableFuture interrupts"
                + " nothing; on the Future of an executor it does).%nTimeline:%n%s", what, Futures.PATIENCE.toSeconds(),
                timelineUntilNow()));
    }

    static void awaitStarted(FakeRemote service, int calls) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> service.log().calls() >= calls);
        } catch (ConditionTimeoutException notYet) {
            fail(String.format("Expecting %d forked tasks to run at the same time,%nbut %d s later only %d had started:"
                    + " fork must start its task at once, each on a thread of its own.", calls, Futures.PATIENCE.toSeconds(),
                    service.log().calls()));
        }
    }

    void failedWith(Throwable thrown, Throwable failure) {
        if (thrown instanceof AssertionError stuck && stuck.getCause() == null) {
            throw stuck;
        }
        Throwable cause = thrown == null ? null : thrown.getCause();
        if (!(cause instanceof ExecutionException) || cause.getCause() != failure) {
            fail(String.format("Expecting join() to throw an ExecutionException whose cause is the first failure%n    %s%n"
                    + "but it %s.%nTimeline:%n%s", failure, thrown == null ? "returned"
                            : "threw " + (cause instanceof ExecutionException ? cause + " with the cause " + cause.getCause() : thrown),
                    timeline()));
        }
    }

    /** Each of {@code keys} saw an interrupt, at once or within {@link Futures#PATIENCE}. */
    static void sawTheInterrupt(FakeRemote service, String... keys) {
        for (String key : keys) {
            try {
                Awaitility.await().atMost(Futures.PATIENCE).until(() -> service.log().sawInterrupt(key));
            } catch (ConditionTimeoutException never) {
                fail(String.format("Expecting the task \"%s\" to be interrupted once a sibling failed (or the group was"
                        + " closed),%nbut %d s later it had not seen an interrupt: it was left running.%nTimeline:%n%s", key,
                        Futures.PATIENCE.toSeconds(), service.log().timeline()));
            }
        }
    }

    void ranOnVirtualThreads(FakeRemote service, int tasks) {
        List<String> platform = service.log().events().stream().filter(e -> e.kind() == CallEvent.Kind.STARTED && !e.virtual())
                .map(e -> e.key() + " on \"" + e.thread() + "\"").toList();
        if (!platform.isEmpty()) {
            fail(String.format("Expecting every task to run on a virtual thread,%nbut these ran on platform threads: %s.",
                    String.join(", ", platform)));
        }
        assertThat(threads).withFailMessage("Expecting each of the %d tasks to run on a thread of its own,%nbut they ran"
                + " on %d.", tasks, threads.size()).hasSize(tasks);
    }
}
