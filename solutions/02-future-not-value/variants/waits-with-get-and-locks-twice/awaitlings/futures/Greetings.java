package awaitlings.futures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Greets people through a {@link Greeter} that answers with futures, and hands callers what they need:
 * the greeting text itself (task 1), or one flat future of it (tasks 2 and 3) — never a future where a value
 * was promised, and never a future of a future.
 */
public class Greetings {

    private final Greeter greeter;

    public Greetings(Greeter greeter) {
        this.greeter = greeter;
    }

    /**
     * Task 1: the greeting text for {@code name}, e.g. {@code "hihi, Ada"} — waits for the greeter's reply.
     * If the greeter fails, throws the greeter's own exception or Error (not the wrapper that {@code join()} puts
     * around it); a checked exception cannot leave undeclared, so it stays the cause of that wrapper.
     */
    public String greeting(String name) {
        try {
            return greeter.greetAsync(name).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException wrapped) {
            Throwable failure = wrapped.getCause();
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new CompletionException(failure);
        }
    }

    /**
     * Task 2: one future of the inner value, from a future of a future. Returns at once, completes when the inner
     * future does, and fails with the exception of whichever future fails.
     */
    public static <T> CompletableFuture<T> flatten(CompletableFuture<CompletableFuture<T>> nested) {
        // thenCompose waits for the outer future, then adopts the inner one as the result: no thread waits.
        return nested.thenCompose(java.util.function.Function.identity());
    }

    /**
     * Task 3: a future of the greeting for a user whose name arrives later. Returns at once; asks the greeter only
     * once the name is known; fails with the exception of the name lookup or of the greeter.
     */
    public CompletableFuture<String> greetingOfUser(CompletableFuture<String> userName) {
        // The same as flatten(userName.thenApply(greeter::greetAsync)), in one step.
        return userName.thenCompose(greeter::greetAsync);
    }
}
