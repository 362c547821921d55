package awaitlings.coffee;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.harness.CallEvent;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("01 · coffee shop")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoffeeShopTest {

    private static final Duration BREW_TIME = Duration.ofMillis(100);
    private static final String COUNTER_STAFF = "counter-staff-";

    private ExecutorService counterStaff;

    @BeforeEach
    void openShop() {
        counterStaff = Executors.newCachedThreadPool(counterStaffThreads());
    }

    @AfterEach
    void closeShop() {
        counterStaff.shutdownNow();
    }

    @Test
    @Order(1)
    @DisplayName("task 1 · orderAndWait returns the ordered coffee only after the barista has finished brewing it")
    @Hint("Task 1: ask the barista yourself — return barista.brew(drink). Waiting in line is the point of this one.")
    void orderAndWaitWaitsForTheCoffee() {
        FakeRemote remote = barista().latency(BREW_TIME).build();
        CoffeeShop shop = new CoffeeShop(baristaAt(remote), counterStaff);

        Coffee coffee = shop.orderAndWait("latte");

        assertThat(remote.log().endOf("latte"))
                .withFailMessage("Expecting the barista to have finished the latte when orderAndWait(\"latte\") returned,%n"
                                + "but the brew %s: waiting in line means the coffee exists when you leave the counter.%n"
                                + "Timeline:%n%s",
                        remote.log().startOf("latte").isPresent() ? "was still running" : "never started",
                        remote.log().timeline())
                .isPresent();
        assertThat(coffee)
                .withFailMessage("Expecting orderAndWait(\"latte\") to return the barista's coffee%n    %s%nbut it returned%n    %s",
                        new Coffee("latte"), coffee)
                .isEqualTo(new Coffee("latte"));
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 2 · orderWithBuzzer returns the buzzer before the coffee exists, and the buzzer then brings the coffee")
    @Hint("Task 2: CompletableFuture.supplyAsync(() -> barista.brew(drink), counterStaff) returns the buzzer at once. "
            + "Never join() or get() inside orderWithBuzzer: that is waiting in line again.")
    void buzzerReturnsBeforeTheCoffeeExists() {
        FakeRemote remote = barista().latency(BREW_TIME).held().build();
        CoffeeShop shop = new CoffeeShop(baristaAt(remote), counterStaff);
        try {
            CompletableFuture<Coffee> buzzer =
                    NonBlocking.returnsWhileHeld("orderWithBuzzer(\"latte\")", () -> shop.orderWithBuzzer("latte"));

            assertThat(buzzer)
                    .withFailMessage("Expecting orderWithBuzzer(\"latte\") to return a buzzer (a CompletableFuture),%n"
                            + "but it returned null.")
                    .isNotNull();
            assertThat(buzzer.isDone())
                    .withFailMessage("Expecting the buzzer to stay silent while the barista is still brewing,%n"
                            + "but it was already done: %s%n"
                            + "A buzzer is done only when the coffee is: let supplyAsync complete it.", buzzer)
                    .isFalse();

            remote.release();
            Coffee coffee = Futures.valueOf("orderWithBuzzer(\"latte\")", buzzer);

            assertThat(coffee)
                    .withFailMessage("Expecting the buzzer to bring the barista's coffee%n    %s%nbut it brought%n    %s",
                            new Coffee("latte"), coffee)
                    .isEqualTo(new Coffee("latte"));
        } finally {
            remote.release();
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · a buzzer order is brewed by the counter staff the shop was given, not by the customer")
    @Hint("Task 2: give supplyAsync the counter staff as its second argument: supplyAsync(() -> ..., counterStaff). "
            + "Without it, Java picks its own shared pool.")
    void buzzerOrderIsBrewedByTheCounterStaff() {
        FakeRemote remote = barista().latency(BREW_TIME).build();
        CoffeeShop shop = new CoffeeShop(baristaAt(remote), counterStaff);

        Futures.valueOf("orderWithBuzzer(\"latte\")", shop.orderWithBuzzer("latte"));

        String brewer = remote.log().startOf("latte").map(CallEvent::thread).orElse("nobody");
        assertThat(brewer)
                .withFailMessage("Expecting a counter staff thread (%s…) to brew the latte,%n"
                                + "but it was brewed by %s.%n"
                                + "The shop was given its counter staff (an Executor): hand every buzzer order to them.%n"
                                + "Timeline:%n%s",
                        COUNTER_STAFF, brewer, remote.log().timeline())
                .startsWith(COUNTER_STAFF);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · the buzzer callback is not called while the coffee brews, then once, with the coffee, on another thread")
    @Hint("Task 3: take the buzzer from task 2 and attach the callback to it with thenAccept(onBuzz). "
            + "Do not wait for the coffee and do not call onBuzz yourself.")
    void buzzerCallbackFiresWhenTheCoffeeIsReady() {
        FakeRemote remote = barista().latency(BREW_TIME).held().build();
        CoffeeShop shop = new CoffeeShop(baristaAt(remote), counterStaff);
        AtomicInteger buzzes = new AtomicInteger();
        AtomicBoolean readyWhenBuzzed = new AtomicBoolean();
        AtomicReference<Thread> customer = new AtomicReference<>();
        AtomicReference<Thread> buzzedOn = new AtomicReference<>();
        CompletableFuture<Coffee> firstBuzz = new CompletableFuture<>();
        Consumer<Coffee> onBuzz = coffee -> {
            buzzes.incrementAndGet();
            readyWhenBuzzed.set(remote.log().endOf("latte").isPresent());
            buzzedOn.set(Thread.currentThread());
            firstBuzz.complete(coffee);
        };
        try {
            NonBlocking.returnsWhileHeld("orderWithBuzzer(\"latte\", onBuzz)", () -> {
                customer.set(Thread.currentThread());
                return shop.orderWithBuzzer("latte", onBuzz);
            });

            assertThat(buzzes.get())
                    .withFailMessage("Expecting no buzz while the latte is still brewing,%n"
                            + "but onBuzz was called %d time(s) before the barista finished.%n"
                            + "Call onBuzz only when the coffee is ready: attach it to the buzzer.", buzzes.get())
                    .isZero();

            remote.release();
            // firstBuzz is the test's own future, completed by onBuzz: "its future was still open" would point the
            // learner at the wrong future, so this check says the silent buzzer's lesson itself.
            Coffee coffee = assertThat(firstBuzz)
                    .withFailMessage("Expecting the onBuzz callback of orderWithBuzzer(\"latte\", onBuzz)"
                                    + " to go off once the coffee was ready,%n"
                                    + "but it was still silent %d s after the barista was free to brew: nothing calls it.%n"
                                    + "Let supplyAsync complete the buzzer, and attach callbacks to that buzzer.",
                            Futures.PATIENCE.toSeconds())
                    .succeedsWithin(Futures.PATIENCE)
                    .actual();

            assertThat(readyWhenBuzzed.get())
                    .withFailMessage("Expecting onBuzz to be called after the barista finished the latte,%n"
                            + "but it was called while the latte was still brewing.%nTimeline:%n%s", remote.log().timeline())
                    .isTrue();
            assertThat(coffee)
                    .withFailMessage("Expecting onBuzz to be called with the barista's coffee%n    %s%nbut it got%n    %s",
                            new Coffee("latte"), coffee)
                    .isEqualTo(new Coffee("latte"));
            assertThat(buzzes.get())
                    .withFailMessage("Expecting the buzzer to go off once for one latte,%nbut onBuzz was called %d times.",
                            buzzes.get())
                    .isEqualTo(1);
            assertThat(buzzedOn.get())
                    .withFailMessage("Expecting onBuzz to run on another thread than the customer's (%s),%n"
                            + "but it ran on the customer's own thread: the customer was kept at the counter.",
                            customer.get().getName())
                    .isNotSameAs(customer.get());
        } finally {
            remote.release();
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("task 4 · orderAll brews three drinks at the same time and returns the coffees in the order given")
    @Hint("Task 4: first turn every drink into a buzzer and collect them into a List (toList()), "
            + "then join the buzzers one by one. Joining as you go brews one drink at a time.")
    void orderAllBrewsTheRoundAtTheSameTime() {
        FakeRemote remote = barista().latency(BREW_TIME).rendezvous(3).build();
        CoffeeShop shop = new CoffeeShop(baristaAt(remote), counterStaff);

        List<Coffee> round = shop.orderAll(List.of("latte", "mocha", "tea"));

        assertThat(remote).ranConcurrently(3);
        List<Coffee> expected = List.of(new Coffee("latte"), new Coffee("mocha"), new Coffee("tea"));
        assertThat(round)
                .withFailMessage("Expecting the coffees in the order of the drinks:%n    %s%nbut got:%n    %s%n"
                        + "Join the buzzers in the order of the drinks, whichever coffee is ready first.", expected, round)
                .containsExactlyElementsOf(expected);
    }

    // ---- the shop's fixtures, shared with CoffeeShopHiddenTest (same package, hence not private) ----------------

    /** The barista, as a fake whose coffee is the drink's own name, so a coffee shows which brew it came from. */
    static FakeRemote.Builder barista() {
        return FakeRemote.named("barista").respond(drink -> drink);
    }

    static Barista baristaAt(FakeRemote remote) {
        return drink -> new Coffee(remote.fetch(drink));
    }

    /** Names the counter staff's threads, so a check can tell who brewed a coffee. */
    static ThreadFactory counterStaffThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> new Thread(work, COUNTER_STAFF + count.incrementAndGet());
    }
}
