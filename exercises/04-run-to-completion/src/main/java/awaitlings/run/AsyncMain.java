package awaitlings.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async "main" of a program, like {@code async def main()} in Python: given the executor to run on, it starts
 * its work and returns at once with the future of its result.
 *
 * <p>Given code: the tests write their mains against this interface, so leave it as it is.
 *
 * <pre>{@code
 * AsyncMain<String> main = executor -> CompletableFuture.supplyAsync(() -> kitchen.fetch("latte"), executor);
 * }</pre>
 *
 * @param <T> the type of main's result
 */
@FunctionalInterface
public interface AsyncMain<T> {

    /** Starts the work on {@code executor} and returns the future of its result without waiting for it. */
    CompletableFuture<T> start(Executor executor);
}
