package awaitlings.retry;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static awaitlings.retry.RetryingTest.inventory;
import static awaitlings.retry.RetryingTest.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("09 · errors and retry · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetryingHiddenTest {

    private final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @DisplayName("task 2 and 3 · with 1 attempt, withRetries asks once and fails at 50 ms with that failure, without waiting")
    @Hint("Task 2: `attempts` counts every call, the first one too: with 1 attempt there is no retry.")
    void oneAttemptMeansNoRetry() {
        IllegalStateException busy = new IllegalStateException("inventory: busy");
        VirtualRemote inventory = inventory(timer).failOn("mug", () -> busy).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 1, 100 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 1, RetryingTest.FIRST_DELAY));

        timer.advanceTo(ms(50));
        if (!Futures.settles(stock)) {
            fail(String.format("Expecting withRetries(\"mug\", 1, 100 ms) to fail at 50 ms, when its only attempt"
                    + " failed,%nbut it was still open then.%nTimeline (virtual time):%n%s", inventory.log().timeline()));
        }
        timer.advanceBy(Duration.ofSeconds(10));

        assertThat(inventory).wasCalled(1);
        assertThat(Futures.failureOf("withRetries(\"mug\", 1, 100 ms)", stock)).isSameAs(busy);
    }

    @Test
    @Order(2)
    @DisplayName("task 2 · a call that answers at once is not retried, and leaves no timer task behind")
    @Hint("Task 2: schedule the next attempt only when an attempt failed; an answer completes the result and ends it.")
    void anAnswerEndsTheRetries() {
        VirtualRemote inventory = inventory(timer).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 5, 100 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 5, RetryingTest.FIRST_DELAY));

        timer.advanceTo(ms(50));
        assertThat(Futures.valueOf("withRetries(\"mug\", 5, 100 ms)", stock)).isEqualTo("12");
        assertThat(timer.pending())
                .withFailMessage("Expecting no timer task left once the first attempt answered,%nbut %d were scheduled.",
                        timer.pending())
                .isZero();
        timer.advanceBy(Duration.ofSeconds(10));
        assertThat(inventory).wasCalled(1);
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · the backoff starts at firstDelay and doubles: with 250 ms, the attempts start at 0, 300 and 850 ms")
    @Hint("Task 2: the first wait is firstDelay itself, and each wait after is twice the one before:"
            + " backoff.multipliedBy(2) for the next attempt.")
    void theBackoffDoublesFromTheFirstDelay() {
        VirtualRemote inventory = inventory(timer).failFirst("mug", 2, () -> new IllegalStateException("inventory: busy")).build();
        CompletableFuture<String> stock = NonBlocking.returnsFutureWhileHeld("withRetries(\"mug\", 3, 250 ms)",
                () -> new Retrying(inventory::fetch, timer).withRetries("mug", 3, ms(250)));

        timer.advanceBy(Duration.ofSeconds(10));

        assertThat(inventory).startedAt("mug", ms(0), ms(300), ms(850));
        assertThat(Futures.valueOf("withRetries(\"mug\", 3, 250 ms)", stock)).isEqualTo("12");
    }
}
