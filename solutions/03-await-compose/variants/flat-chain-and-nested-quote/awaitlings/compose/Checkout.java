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
        // One flat chain: each step hands the answers so far to the next.
        return shop.userOf(session)
                .thenCompose(user -> shop.cartOf(user).thenApply(cart -> new UserCart(user, cart)))
                .thenCompose(found -> shop.totalOf(found.cart())
                        .thenApply(total -> new Receipt(found.user(), found.cart(), total)));
    }

    /**
     * Task 2: the price and the stock of this item in one quote. Neither needs the other,
     * so both calls are in flight at the same time. If either fails, the returned future fails with its exception.
     */
    public CompletableFuture<Quote> quote(String item) {
        // Both calls start before either answers; composing the one onto the other waits for both without blocking.
        CompletableFuture<Integer> price = shop.priceOf(item);
        CompletableFuture<Integer> stock = shop.stockOf(item);
        return price.thenCompose(priceCents -> stock.thenApply(inStock -> new Quote(item, priceCents, inStock)));
    }

    /** The answers of the first two steps of a checkout. */
    private record UserCart(String user, String cart) {
    }
}
