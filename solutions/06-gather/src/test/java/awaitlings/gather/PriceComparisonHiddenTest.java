package awaitlings.gather;

import static awaitlings.gather.PriceComparisonTest.SHOPS;
import static awaitlings.gather.PriceComparisonTest.shops;
import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("06 · gather · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PriceComparisonHiddenTest {

    private final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @DisplayName("task 1 and 3 · no shops give empty lists at once, and nobody is asked")
    @Hint("Task 1: the same code works for no shops: allOf() of nothing is done at once, and the list is empty.")
    void noShops() {
        VirtualRemote remote = shops(timer).build();
        PriceComparison comparison = new PriceComparison(remote::fetch);

        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt()", () -> comparison.pricesAt(List.of()));
        CompletableFuture<List<Outcome>> outcomes = NonBlocking.returnsFutureWhileHeld("outcomesAt()", () -> comparison.outcomesAt(List.of()));

        assertThat(Futures.settles(prices) && Futures.settles(outcomes))
                .withFailMessage("Expecting pricesAt() and outcomesAt() of no shops to be done at once, as there is"
                        + " nothing to wait for,%nbut pricesAt gave %s and outcomesAt %s.", prices, outcomes)
                .isTrue();
        assertThat(Futures.valueOf("pricesAt()", prices)).as("pricesAt() of no shops").isEmpty();
        assertThat(Futures.valueOf("outcomesAt()", outcomes)).as("outcomesAt() of no shops").isEmpty();
        assertThat(remote).wasCalled(0);
    }

    @Test
    @Order(2)
    @DisplayName("task 1 and 3 · every price future started is awaited, and every failure is looked at")
    @Hint("Task 1: ask each shop once and keep its future: a second stream over the shops asks them all again, and"
            + " the first futures are thrown away unawaited.")
    void everyFutureIsAwaited() {
        VirtualRemote remote = shops(timer).failOn("shop-b", () -> new IllegalStateException("shop-b is down")).build();
        PriceComparison comparison = new PriceComparison(remote::fetch);

        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)", () -> comparison.pricesAt(SHOPS));
        CompletableFuture<List<Outcome>> outcomes = NonBlocking.returnsFutureWhileHeld("outcomesAt(shop-a, shop-b, shop-c)", () -> comparison.outcomesAt(SHOPS));
        timer.advanceTo(PriceComparisonTest.ONE_AFTER_ANOTHER);
        Futures.settles(prices);
        Futures.settles(outcomes);

        assertThat(remote).observedEveryFetch();
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · when shop-c fails at 100 ms and shop-b at 200 ms, pricesAt fails at 100 ms with shop-c's exception")
    @Hint("Task 2: the first failure wins: complete the result exceptionally from the first shop that fails;"
            + " later failures no longer change a future that is already done.")
    void theFirstFailureWins() {
        IllegalStateException first = new IllegalStateException("shop-c is down");
        VirtualRemote remote = shops(timer).failOn("shop-c", () -> first)
                .failOn("shop-b", () -> new IllegalStateException("shop-b is down")).build();
        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).pricesAt(SHOPS));

        timer.advanceTo(Duration.ofMillis(100));
        if (!Futures.settles(prices)) {
            fail(String.format("Expecting pricesAt to fail at 100 ms, when shop-c failed first,%n"
                    + "but it was still open then: fail the result as soon as a shop fails.%nTimeline (virtual time):%n%s",
                    remote.log().timeline()));
        }
        Throwable failure = Futures.failureOf("pricesAt(shop-a, shop-b, shop-c)", prices);
        assertThat(failure)
                .withFailMessage("Expecting pricesAt to fail with the first failure, shop-c's%n    %s%nbut it failed with%n    %s",
                        first, failure)
                .isSameAs(first);
    }

    @Test
    @Order(4)
    @DisplayName("task 3 · outcomesAt completes with three failures when every shop fails, and does not fail itself")
    @Hint("Task 3: handle(...) turns a failure into a value, so the gathered future never fails. Do not use"
            + " exceptionally on the gathered list: one failure would replace every outcome.")
    void outcomesAtWhenEveryShopFails() {
        List<IllegalStateException> downs = SHOPS.stream().map(shop -> new IllegalStateException(shop + " is down")).toList();
        VirtualRemote.Builder builder = shops(timer);
        for (int i = 0; i < SHOPS.size(); i++) {
            IllegalStateException down = downs.get(i);
            builder.failOn(SHOPS.get(i), () -> down);
        }
        VirtualRemote remote = builder.build();
        CompletableFuture<List<Outcome>> outcomes = NonBlocking.returnsFutureWhileHeld("outcomesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).outcomesAt(SHOPS));

        timer.advanceTo(PriceComparisonTest.SLOWEST);
        List<Outcome> answer = Futures.valueOf("outcomesAt(shop-a, shop-b, shop-c) when every shop fails", outcomes);

        List<Outcome> expected = downs.stream().map(Outcome::failure).toList();
        assertThat(answer)
                .withFailMessage("Expecting three failed outcomes, each with its shop's own exception:%n    %s%nbut got:%n    %s",
                        expected, answer)
                .isEqualTo(expected);
    }
}
