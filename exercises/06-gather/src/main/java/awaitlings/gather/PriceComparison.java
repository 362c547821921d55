package awaitlings.gather;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Compares the price of one product across many shops, the way {@code asyncio.gather} runs many awaitables: every
 * shop is asked at once, so the whole comparison takes as long as the slowest shop, not the sum of them all.
 * Both methods return their future at once and never wait for an answer.
 */
public class PriceComparison {

    private final PriceService service;

    public PriceComparison(PriceService service) {
        this.service = service;
    }

    /**
     * Task 1 and 2 · the price at every shop, in the order of {@code shops} (not in the order they answered). Every
     * shop is asked at once, so the future completes when the slowest has answered. If a shop fails, the future
     * fails with that shop's exception as soon as it fails, without waiting for the others.
     *
     * <pre>{@code comparison.pricesAt(List.of("shop-a", "shop-b", "shop-c"))   // [12.90, 11.50, 13.20]}</pre>
     */
    public CompletableFuture<List<String>> pricesAt(List<String> shops) {
        // TODO: task 1 — ask every shop first (service.priceAt for each, collected into a List), then combine the
        //  futures into one that completes once all have answered, with the prices in the order of the shops.
        // TODO: task 2 — CompletableFuture.allOf waits for every shop, even after one has failed. Make the result
        //  fail as soon as any shop fails, with that shop's exception.
        throw new UnsupportedOperationException("Implement PriceComparison.pricesAt() — tasks 1 and 2");
    }

    /**
     * Task 3 · every shop's outcome, in the order of {@code shops}: its price, or the exception it failed with
     * (its own, not a wrapper). Every shop is asked at once; the future completes when every shop has answered
     * or failed, and never fails itself.
     *
     * <pre>{@code comparison.outcomesAt(shops)   // [Outcome[price=12.90…], Outcome[…failure=IllegalStateException…], …]}</pre>
     */
    public CompletableFuture<List<Outcome>> outcomesAt(List<String> shops) {
        // TODO: task 3 — turn each shop's future into a future of its Outcome (a price or the failure), so that none
        //  of them fails, then gather those as in task 1.
        throw new UnsupportedOperationException("Implement PriceComparison.outcomesAt() — task 3");
    }
}
