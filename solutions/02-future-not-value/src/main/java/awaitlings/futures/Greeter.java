package awaitlings.futures;

import java.util.concurrent.CompletableFuture;

/**
 * A remote greeting service that answers with a future: the greeting does not exist yet when the call returns.
 * Given — do not change it. (The tests back it with a fake remote.)
 */
@FunctionalInterface
public interface Greeter {

    /** Starts asking for {@code name}'s greeting and returns at once with a future that will hold it. */
    CompletableFuture<String> greetAsync(String name);
}
