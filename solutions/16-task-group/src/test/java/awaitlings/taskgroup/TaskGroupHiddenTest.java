package awaitlings.taskgroup;

import static awaitlings.taskgroup.TaskGroupTest.awaitStarted;
import static awaitlings.taskgroup.TaskGroupTest.sawTheInterrupt;
import static awaitlings.taskgroup.TaskGroupTest.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Hint;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("16 · structured concurrency · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskGroupHiddenTest {

    private final TaskGroupTest tasks = new TaskGroupTest();

    @Test
    @Order(1)
    @DisplayName("task 2 · the first failure in time wins: a task forked first that would fail later is interrupted instead")
    @Hint("Task 2: notice a failure where it happens, inside the task, not when join() comes to it in fork order; keep"
            + " only the first one (compareAndSet), so the cancelled tasks' own exceptions never replace it.")
    void theFirstFailureInTimeWins() {
        IllegalStateException late = new IllegalStateException("stock service: late failure");
        IllegalStateException early = new IllegalStateException("payment service down");
        FakeRemote slow = service().latency(Duration.ofMillis(2000)).failOn("stock", () -> late).build();
        FakeRemote failing = service().latency(Duration.ofMillis(10)).failOn("pay", () -> early).build();
        try (TaskGroup group = new TaskGroup()) {
            group.fork(tasks.call(slow, "stock"));
            group.fork(tasks.call(failing, "pay"));

            Throwable thrown = catchThrowable(() -> tasks.returned(tasks.join(group), "join()"));

            tasks.failedWith(thrown, early);
            sawTheInterrupt(slow, "stock");
        }
    }

    @Test
    @Order(2)
    @DisplayName("task 3 · an interrupted join interrupts every task, and throws InterruptedException once they have ended")
    @Hint("Task 3: catch the InterruptedException of the wait in join(), close() the group (it interrupts the tasks and"
            + " waits for them), then throw the InterruptedException on.")
    void anInterruptedJoinStopsEveryTask() {
        FakeRemote held = service().held().build();
        try (TaskGroup group = new TaskGroup()) {
            group.fork(tasks.withCleanUp(held, "stock", Duration.ofMillis(300)));
            group.fork(tasks.call(held, "ship"));
            awaitStarted(held, 2);
            CallerThread<Void> joining = tasks.join(group);

            // Before join() waits or while it waits: either way it must stop every task.
            joining.interrupt();
            Throwable thrown = catchThrowable(() -> tasks.returned(joining, "join()"));

            if (thrown == null || !(thrown.getCause() instanceof InterruptedException)) {
                fail(String.format("Expecting join() to throw InterruptedException when its thread was interrupted,%n"
                        + "but it %s.", thrown == null ? "returned" : "threw " + thrown));
            }
            sawTheInterrupt(held, "stock", "ship");
            assertThat(tasks.ended).withFailMessage("Expecting both tasks to have ended when join() threw, the clean-up of"
                    + " \"stock\" (300 ms after its interrupt) included,%nbut only %s had.%nTimeline:%n%s", tasks.ended,
                    tasks.timeline())
                    .containsExactlyInAnyOrder("stock", "ship");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · an Error and a checked exception are failures too: each cancels its siblings and becomes the cause")
    @Hint("Task 2: catch Exception and Error (not only RuntimeException) where you watch the task, and throw it on after"
            + " you have noted it.")
    void errorsAndCheckedExceptionsFailTheGroup() {
        failsTheGroupWith(new AssertionError("corrupt stock table"));
        failsTheGroupWith(new IOException("disk full"));
    }

    private void failsTheGroupWith(Throwable failure) {
        FakeRemote held = service().held().build();
        FakeRemote quick = tasks.called(service().latency(Duration.ofMillis(10)).build());
        try (TaskGroup group = new TaskGroup()) {
            group.fork(tasks.call(held, "ship"));
            group.fork(() -> {
                quick.fetch("pay");
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (Exception) failure;
            });

            Throwable thrown = catchThrowable(() -> tasks.returned(tasks.join(group), "join()"));

            tasks.failedWith(thrown, failure);
            sawTheInterrupt(held, "ship");
        } finally {
            held.release();
        }
    }
}
