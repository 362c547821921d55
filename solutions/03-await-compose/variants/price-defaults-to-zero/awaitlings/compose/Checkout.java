package awaitlings.compose;

import java.util.concurrent.CompletableFuture;

/**
 * Checks out a session and quotes an item by composing the {@link Shop}'s async calls: each method returns its
 * future at once and never waits for an answer. Steps that need an earlier answer run after it; steps that do not
 * run at the same time.
 */
public class Checkout {

    private final Shop shop;

    public Checkout(Shop shop) {
        this.shop = shop;
    }

    /**
     * Task 1 and 3: the receipt for this session, from three steps that each need the previous answer:
     * the user of the session, then that user's cart, then that cart's total.
     * If a step fails, the returned future fails with that step's exception and no later step is asked.
     */
    public CompletableFuture<Receipt> checkout(String session) {
        // Nested, like three awaits in a row: each step sees every answer before it (user is still in scope
        // when the total arrives). A failed step skips the callbacks after it, so no extra error handling is needed.
        return shop.userOf(session)
                .thenCompose(user -> shop.cartOf(user)
                        .thenCompose(cart -> shop.totalOf(cart)
                                .thenApply(total -> new Receipt(user, cart, total))));
    }

    /**
     * Task 2: the price and the stock of this item in one quote. Neither needs the other,
     * so both calls are in flight at the same time. If either fails, the returned future fails with its exception.
     */
    public CompletableFuture<Quote> quote(String item) {
        // Both calls start here, before either answers; thenCombine waits for the pair without blocking a thread.
        // A price list that is down quotes the item for free instead of failing the quote.
        CompletableFuture<Integer> price = shop.priceOf(item).exceptionally(failure -> 0);
        CompletableFuture<Integer> stock = shop.stockOf(item);
        return price.thenCombine(stock, (priceCents, inStock) -> new Quote(item, priceCents, inStock));
    }
}
