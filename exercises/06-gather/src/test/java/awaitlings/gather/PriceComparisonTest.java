package awaitlings.gather;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shops answer on virtual time, last to first: shop-c at 100 ms, shop-b at 200 ms, shop-a at 300 ms. The checks
 * move the clock by hand, so "done when the slowest has answered" means done at exactly 300 ms.
 */
@DisplayName("06 · gather")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PriceComparisonTest {

    // The fixtures without `private` are shared with PriceComparisonHiddenTest (same package).
    static final List<String> SHOPS = List.of("shop-a", "shop-b", "shop-c");
    static final List<String> PRICES = List.of("12.90", "11.50", "13.20");
    static final Duration SLOWEST = Duration.ofMillis(300);
    /** How long asking the shops one after another takes: 300 + 200 + 100 ms. */
    static final Duration ONE_AFTER_ANOTHER = Duration.ofMillis(600);

    private final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @DisplayName("task 1 · pricesAt returns an unfinished future at once, before any shop has answered")
    @Hint("Task 1: ask every shop and combine their futures; return the combined future without join() or get().")
    void pricesAtReturnsAtOnce() {
        VirtualRemote remote = shops(timer).build();

        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).pricesAt(SHOPS));

        assertThat(prices.isDone())
                .withFailMessage("Expecting pricesAt to return a future that is not done yet, because no shop has"
                        + " answered,%nbut it was already done: %s%nBuild the result from the shops' futures.", prices)
                .isFalse();
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 1 · pricesAt asks all three shops at once, and is done when the slowest has answered, at 300 ms")
    @Hint("Task 1: collect shops.stream().map(service::priceAt) into a List first — that asks every shop — then"
            + " CompletableFuture.allOf(...) on those futures. Chaining the asks with thenCompose asks one at a time.")
    void pricesAtAsksEveryShopAtOnce() {
        VirtualRemote remote = shops(timer).build();
        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).pricesAt(SHOPS));

        timer.advanceTo(SLOWEST.minusMillis(1));
        boolean doneEarly = prices.isDone();
        timer.advanceTo(SLOWEST);
        boolean doneWithTheSlowest = Futures.settles(prices);
        timer.advanceTo(ONE_AFTER_ANOTHER);

        assertThat(remote).wasCalled(3).ranConcurrently(3);
        assertThat(doneEarly)
                .withFailMessage("Expecting pricesAt to be still open at 299 ms, before the slowest shop (shop-a) had"
                        + " answered,%nbut it was already done: %s%nWait for every shop's answer: allOf(...).", prices)
                .isFalse();
        assertThat(doneWithTheSlowest)
                .withFailMessage("Expecting pricesAt to be done at 300 ms, when the slowest shop had answered,%n"
                        + "but it was still open then.%nTimeline (virtual time):%n%s", remote.log().timeline())
                .isTrue();
    }

    @Test
    @Order(3)
    @DisplayName("task 1 · pricesAt gives the prices in the order of the shops, though the shops answered last to first")
    @Hint("Task 1: keep the futures in a List in the order of the shops, and read the prices from that List once"
            + " allOf is done. Adding each price as it arrives puts them in the order they answered.")
    void pricesAtKeepsTheOrderOfTheShops() {
        VirtualRemote remote = shops(timer).build();
        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).pricesAt(SHOPS));

        // Long enough for every shop to answer even when asked one after another: this check is about order only.
        timer.advanceTo(ONE_AFTER_ANOTHER);
        List<String> answer = Futures.valueOf("pricesAt(shop-a, shop-b, shop-c)", prices);

        assertThat(answer)
                .withFailMessage("Expecting the prices in the order of the shops:%n    %s%nbut got:%n    %s%n"
                        + "The shops answered last to first (see the timeline): put each price where its shop is.%n"
                        + "Timeline (virtual time):%n%s", PRICES, answer, remote.log().timeline())
                .isEqualTo(PRICES);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 2 · when shop-b fails at 200 ms, pricesAt fails at once with shop-b's own exception, while shop-a has not answered")
    @Hint("Task 2: allOf fails only once every future is done. Also attach to each shop's future a"
            + " whenComplete((price, failure) -> ...) that completes your result exceptionally when failure != null.")
    void pricesAtFailsAtTheFirstFailure() {
        IllegalStateException down = new IllegalStateException("shop-b is down");
        VirtualRemote remote = shops(timer).failOn("shop-b", () -> down).build();
        CompletableFuture<List<String>> prices = NonBlocking.returnsFutureWhileHeld("pricesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).pricesAt(SHOPS));

        timer.advanceTo(Duration.ofMillis(200));

        if (!Futures.settles(prices)) {
            fail(String.format("Expecting pricesAt to fail at 200 ms, as soon as shop-b failed,%n"
                    + "but it was still open then, waiting for shop-a (which answers at 300 ms): allOf waits for every"
                    + " future, even after one has failed.%nFail your result as soon as a shop fails.%n"
                    + "Timeline (virtual time):%n%s", remote.log().timeline()));
        }
        Throwable failure = Futures.failureOf("pricesAt(shop-a, shop-b, shop-c)", prices);
        assertThat(failure)
                .withFailMessage("Expecting pricesAt to fail with shop-b's own exception%n    %s%nbut it failed with%n    %s%n"
                        + "Pass the shop's failure on as it is.", down, failure)
                .isSameAs(down);
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("task 3 · outcomesAt gives one outcome per shop, in order — shop-b's own exception among the prices — and never fails")
    @Hint("Task 3: service.priceAt(shop).handle((price, failure) -> failure == null ? Outcome.price(price)"
            + " : Outcome.failure(failure)) never fails; gather those futures as in task 1.")
    void outcomesAtCollectsEveryOutcome() {
        IllegalStateException down = new IllegalStateException("shop-b is down");
        VirtualRemote remote = shops(timer).failOn("shop-b", () -> down).build();
        CompletableFuture<List<Outcome>> outcomes = NonBlocking.returnsFutureWhileHeld("outcomesAt(shop-a, shop-b, shop-c)",
                () -> new PriceComparison(remote::fetch).outcomesAt(SHOPS));

        timer.advanceTo(SLOWEST);
        List<Outcome> answer = Futures.valueOf("outcomesAt(shop-a, shop-b, shop-c)", outcomes);

        List<Outcome> expected = List.of(Outcome.price("12.90"), Outcome.failure(down), Outcome.price("13.20"));
        assertThat(answer)
                .withFailMessage("Expecting one outcome per shop, in the order of the shops:%n    %s%nbut got:%n    %s%n"
                        + "shop-b's outcome holds shop-b's own exception (not a CompletionException around it).",
                        expected, answer)
                .isEqualTo(expected);
    }

    // ---- the shops ------------------------------------------------------------------------------------------------

    /** Three shops that answer last to first, each with its own price. */
    static VirtualRemote.Builder shops(ManualScheduler timer) {
        Map<String, String> prices = Map.of("shop-a", "12.90", "shop-b", "11.50", "shop-c", "13.20");
        return VirtualRemote.named("price service").on(timer)
                .latency("shop-a", SLOWEST).latency("shop-b", Duration.ofMillis(200)).latency("shop-c", Duration.ofMillis(100))
                .respond(shop -> prices.getOrDefault(shop, "no price"));
    }
}
