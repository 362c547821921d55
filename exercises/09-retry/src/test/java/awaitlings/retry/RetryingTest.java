package awaitlings.retry;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.AsyncRules;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every call to the inventory service takes 50 ms of virtual time, on a clock the checks move by hand: a backoff of
 * 400 ms passes in no time, and the checks know to the millisecond when each attempt started.
 */
@DisplayName("09 · errors and retry")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetryingTest {

    // The fixtures without `private` are shared with RetryingHiddenTest (same package).
    static final Duration FIRST_DELAY = Duration.ofMillis(100);

    final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · when the service fails, stockOr gives the fallback and reports the service's own exception, once")
    @Hint("Task 1: service.stockOf(item).exceptionally(failure -> { errors.accept(failure); return fallback; })."
            + " A fallback without the report swallows the failure: nobody learns the service is in trouble.")
    void aFailureIsHandledNotSwallowed() {
        IllegalStateException hiccup = new IllegalStateException("inventory: connection reset");
        VirtualRemote inventory = inventory(timer).failOn("mug", () -> hiccup).build();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("stockOr(\"mug\", \"unknown\", errors)",
                () -> new Retrying(inventory::fetch, timer).stockOr("mug", "unknown", errors::add));

        timer.advanceBy(Duration.ofSeconds(1));

        assertThat(Futures.valueOf("stockOr(\"mug\", \"unknown\", errors)", stock)).isEqualTo("unknown");
        if (errors.isEmpty()) {
            fail(String.format("Expecting the service's failure to be reported to errors,%nbut nothing was: it was"
                    + " swallowed. The fallback keeps the page working; the report tells someone it is broken."));
        }
        assertThat(errors)
                .withFailMessage("Expecting errors to get the service's own exception once:%n    [%s]%nbut it got:%n    %s%n"
                        + "Report the failure the service's future failed with, not a wrapper around it.", hiccup, errors)
                .containsExactly(hiccup);
    }

    @Test
    @Order(2)
    @DisplayName("task 1 · when the service answers, stockOr gives its answer and reports nothing")
    @Hint("Task 1: exceptionally only runs when the future failed; the answer passes through it unchanged.")
    void anAnswerPassesThrough() {
        VirtualRemote inventory = inventory(timer).build();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("stockOr(\"mug\", \"unknown\", errors)",
                () -> new Retrying(inventory::fetch, timer).stockOr("mug", "unknown", errors::add));

        timer.advanceBy(Duration.ofSeconds(1));

        assertThat(Futures.valueOf("stockOr(\"mug\", \"unknown\", errors)", stock)).isEqualTo("12");
        assertThat(errors).withFailMessage("Expecting nothing reported for a call that answered,%nbut errors got %s", errors)
                .isEmpty();
    }

    @Test
    @Order(3)
    @Points(3)
    @DisplayName("task 2 · withRetries asks again after 100, 200 and 400 ms of backoff, and gives the 4th attempt's answer")
    @Hint("Task 2: on a failure, timer.schedule(() -> nextAttempt(...), backoff.toMillis(), TimeUnit.MILLISECONDS)"
            + " with the backoff doubled for the attempt after. Thread.sleep blocks a thread and does not wait on the timer.")
    void retriesWithExponentialBackoff() {
        VirtualRemote inventory = inventory(timer).failFirst("mug", 3, () -> new IllegalStateException("inventory: busy")).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 5, 100 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 5, FIRST_DELAY));

        timer.advanceBy(Duration.ofSeconds(10));

        // Each call takes 50 ms; then the backoff: 0–50 fails, wait 100; 150–200 fails, wait 200; 400–450, wait 400; 850.
        assertThat(inventory).startedAt("mug", ms(0), ms(150), ms(400), ms(850));
        assertThat(Futures.valueOf("withRetries(\"mug\", 5, 100 ms)", stock)).isEqualTo("12");
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · after 3 failed attempts, withRetries gives up with the last attempt's own exception, and asks no more")
    @Hint("Task 3: when the last attempt fails, result.completeExceptionally(failure) with that very failure;"
            + " a new exception of your own (even with the failure as its cause) hides what went wrong.")
    void givesUpWithTheLastFailure() {
        List<IllegalStateException> failures = new CopyOnWriteArrayList<>();
        VirtualRemote inventory = inventory(timer).failOn("mug", () -> {
            IllegalStateException failure = new IllegalStateException("inventory: attempt " + (failures.size() + 1) + " failed");
            failures.add(failure);
            return failure;
        }).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 3, 100 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 3, FIRST_DELAY));

        timer.advanceBy(Duration.ofSeconds(10));

        assertThat(inventory).wasCalled(3);
        Throwable failure = Futures.failureOf("withRetries(\"mug\", 3, 100 ms)", stock);
        assertThat(failure)
                .withFailMessage("Expecting withRetries to fail with the last attempt's own exception%n    %s%n"
                        + "but it failed with%n    %s%nPass the last failure on as it is.", failures.get(2), failure)
                .isSameAs(failures.get(2));
    }

    @Test
    @Order(5)
    @DisplayName("task 2 · backoff waits only on the timer given: no Thread.sleep, no JDK timeouts, no step on the common pool")
    @Hint("A sleeping thread waits in real time, on a thread that could do other work; timer.schedule waits without"
            + " holding anyone. Give every *Async step an executor: the timer is one.")
    void waitsOnlyOnTheTimer() {
        VirtualRemote inventory = inventory(timer).failFirst("mug", 1, () -> new IllegalStateException("inventory: busy")).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 2, 100 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 2, FIRST_DELAY));
        timer.advanceBy(Duration.ofSeconds(1));
        assertThat(Futures.valueOf("withRetries(\"mug\", 2, 100 ms)", stock)).isEqualTo("12");

        AsyncRules.check(Retrying.class, AsyncRules.USES_ONLY_THE_GIVEN_TIMER, AsyncRules.NO_DEFAULT_EXECUTOR);
    }

    // ---- the inventory ------------------------------------------------------------------------------------------

    /** The inventory service: 12 mugs in stock, each answer after 50 ms. */
    static VirtualRemote.Builder inventory(ManualScheduler timer) {
        return VirtualRemote.named("inventory service").on(timer).latency(Duration.ofMillis(50)).respond(item -> "12");
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
