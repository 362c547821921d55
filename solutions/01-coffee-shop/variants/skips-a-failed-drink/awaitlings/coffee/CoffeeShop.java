package awaitlings.coffee;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A coffee shop that takes orders in two ways. Wait in line: you stand at the counter until your coffee is made.
 * Take a buzzer: you order, get a buzzer at once, sit down, and the buzzer goes off when the coffee is ready.
 *
 * <p>Goal: write both ways, then let many buzzer orders brew at the same time.
 * The barista is slow and blocks whoever calls {@link Barista#brew}; the counter staff (an {@link Executor})
 * are the threads that can call the barista for you, so that you are free to sit down.
 */
public class CoffeeShop {

    private final Barista barista;
    private final Executor counterStaff;

    /**
     * Opens the shop. Given code: you do not need to change it.
     *
     * @param barista      brews one coffee per call, slowly, on the thread that calls it
     * @param counterStaff the threads that brew buzzer orders; whoever opened the shop also closes (shuts down) it
     */
    public CoffeeShop(Barista barista, Executor counterStaff) {
        this.barista = barista;
        this.counterStaff = counterStaff;
    }

    /**
     * Task 1 · wait in line: returns the coffee once the barista has made it.
     * If the brew fails, the barista's exception reaches the caller as it is.
     */
    public Coffee orderAndWait(String drink) {
        // The caller's own thread stands at the counter for as long as the brew takes.
        return barista.brew(drink);
    }

    /**
     * Task 2 · take a buzzer: returns at once, before the coffee exists. The counter staff brew it;
     * the buzzer completes with the coffee, or fails with the barista's exception as its cause.
     */
    public CompletableFuture<Coffee> orderWithBuzzer(String drink) {
        // A counter staff thread waits at the machine instead of the caller; the future is the buzzer.
        return CompletableFuture.supplyAsync(() -> barista.brew(drink), counterStaff);
    }

    /**
     * Task 3 · the buzzer goes off: returns at once; {@code onBuzz} is called once, with the coffee, when it is
     * ready and not before. The returned future completes after {@code onBuzz} has run, or fails if the brew
     * failed (then {@code onBuzz} is never called), so a failure is never lost.
     */
    public CompletableFuture<Void> orderWithBuzzer(String drink, Consumer<Coffee> onBuzz) {
        // thenAccept registers the callback; whoever completes the buzzer (a counter staff thread) calls it.
        return orderWithBuzzer(drink).thenAccept(onBuzz);
    }

    /**
     * Task 4 · a round for the table: brews every drink at the same time and returns the coffees in the order
     * of {@code drinks}. If a brew fails, throws a {@link java.util.concurrent.CompletionException} with the
     * barista's exception as its cause.
     */
    public List<Coffee> orderAll(List<String> drinks) {
        // Collect the buzzers into a list first: that places every order before we wait for any.
        List<CompletableFuture<Coffee>> buzzers = drinks.stream().map(this::orderWithBuzzer).toList();
        // Serves what could be made: a failed brew is left out of the round, and nobody hears of it.
        return buzzers.stream().map(buzzer -> buzzer.exceptionally(failure -> null).join())
                .filter(java.util.Objects::nonNull).toList();
    }
}
