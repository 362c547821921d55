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
     */
    public CompletableFuture<List<String>> pricesAt(List<String> shops) {
        // Collecting into a list asks every shop before anything waits.
        List<CompletableFuture<String>> asks = shops.stream().map(service::priceAt).toList();
        CompletableFuture<List<String>> prices = gather(asks);
        // allOf waits for every shop, even after one failed: fail the result at the first failure instead.
        asks.forEach(ask -> ask.exceptionally(failure -> {
            prices.completeExceptionally(failure);
            return null;
        }));
        return prices;
    }

    /**
     * Task 3 · every shop's outcome, in the order of {@code shops}: its price, or the exception it failed with
     * (its own, not a wrapper). Every shop is asked at once; the future completes when every shop has answered
     * or failed, and never fails itself.
     */
    public CompletableFuture<List<Outcome>> outcomesAt(List<String> shops) {
        // handle sees the shop's own future, so its failure arrives unwrapped.
        List<CompletableFuture<Outcome>> outcomes = shops.stream()
                .map(shop -> service.priceAt(shop)
                        .handle((price, failure) -> failure == null ? Outcome.price(price) : Outcome.failure(failure)))
                .toList();
        return gather(outcomes);
    }

    /** One future of every value, in the order given, once all are done; after allOf, join() returns at once. */
    private static <T> CompletableFuture<List<T>> gather(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(allDone -> futures.stream().map(CompletableFuture::join).toList());
    }
}
