package awaitlings.compose;

import java.util.concurrent.CompletableFuture;

/**
 * A remote shop: every call goes over the network, so each one returns a future at once and answers later.
 * Given code: leave it as it is. The tests stand in a fake shop that logs when each call starts and ends.
 */
public interface Shop {

    /** Who is logged in on this session, e.g. {@code "s1"} → {@code "alice"}. */
    CompletableFuture<String> userOf(String session);

    /** The open cart of this user, e.g. {@code "alice"} → {@code "cart-7"}. */
    CompletableFuture<String> cartOf(String user);

    /** What everything in this cart costs together, in cents, e.g. {@code "cart-7"} → {@code 4200}. */
    CompletableFuture<Integer> totalOf(String cart);

    /** The price of one item, in cents, e.g. {@code "mug"} → {@code 1200}. */
    CompletableFuture<Integer> priceOf(String item);

    /** How many of this item are in stock, e.g. {@code "mug"} → {@code 3}. */
    CompletableFuture<Integer> stockOf(String item);
}
