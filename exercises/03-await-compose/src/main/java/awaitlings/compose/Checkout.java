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
        // TODO: task 1 — start with shop.userOf(session); then, once the user is known, shop.cartOf(user);
        //  then, once the cart is known, shop.totalOf(cart); build the Receipt from all three answers.
        //  Return the future straight away: no join() or get() anywhere.
        throw new UnsupportedOperationException("Implement Checkout.checkout() — task 1");
    }

    /**
     * Task 2: the price and the stock of this item in one quote. Neither needs the other,
     * so both calls are in flight at the same time. If either fails, the returned future fails with its exception.
     */
    public CompletableFuture<Quote> quote(String item) {
        // TODO: task 2 — start shop.priceOf(item) and shop.stockOf(item) both, then combine their answers
        //  into a Quote when both are there. Again: return the future, do not wait for it.
        throw new UnsupportedOperationException("Implement Checkout.quote() — task 2");
    }
}
