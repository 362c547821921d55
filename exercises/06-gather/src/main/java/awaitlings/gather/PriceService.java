package awaitlings.gather;

import java.util.concurrent.CompletableFuture;

/**
 * A shop's price service, over the network: each call returns a future at once and answers later, or fails.
 * Given code: leave it as it is. The checks stand in a fake whose shops answer after set times.
 */
@FunctionalInterface
public interface PriceService {

    /** The price of the product at {@code shop}, e.g. {@code "shop-a"} → {@code "12.90"}; fails if the shop is down. */
    CompletableFuture<String> priceAt(String shop);
}
