package awaitlings.retry;

import java.util.concurrent.CompletableFuture;

/**
 * A flaky inventory service over the network: each call returns a future at once and answers later, or fails now
 * and then. A later call for the same item may well succeed. Given code: leave it as it is.
 */
@FunctionalInterface
public interface InventoryService {

    /** How many of {@code item} are in stock, e.g. {@code "mug"} → {@code "12"}; fails when the service hiccups. */
    CompletableFuture<String> stockOf(String item);
}
