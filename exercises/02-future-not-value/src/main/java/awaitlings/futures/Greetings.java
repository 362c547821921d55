package awaitlings.futures;

import java.util.concurrent.CompletableFuture;

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
        // TODO: greeter.greetAsync(name) gives you a future, not the text. Wait for its value and return that.
        throw new UnsupportedOperationException("Implement Greetings.greeting() — task 1");
    }

    /**
     * Task 2: one future of the inner value, from a future of a future. Returns at once, completes when the inner
     * future does, and fails with the exception of whichever future fails.
     */
    public static <T> CompletableFuture<T> flatten(CompletableFuture<CompletableFuture<T>> nested) {
        // TODO: return a future that completes with the inner future's value — without waiting here.
        throw new UnsupportedOperationException("Implement Greetings.flatten() — task 2");
    }

    /**
     * Task 3: a future of the greeting for a user whose name arrives later. Returns at once; asks the greeter only
     * once the name is known; fails with the exception of the name lookup or of the greeter.
     */
    public CompletableFuture<String> greetingOfUser(CompletableFuture<String> userName) {
        // TODO: when the name arrives, ask the greeter — and hand back one flat future, not a future of a future.
        throw new UnsupportedOperationException("Implement Greetings.greetingOfUser() — task 3");
    }
}
