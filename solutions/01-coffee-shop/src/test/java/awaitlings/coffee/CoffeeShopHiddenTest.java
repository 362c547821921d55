package awaitlings.coffee;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallRecorder;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("01 · coffee shop · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoffeeShopHiddenTest {

    private static final Duration BREW_TIME = Duration.ofMillis(100);
    private static final String OUT_OF_BEANS = "out of beans";

    private ExecutorService counterStaff;

    @BeforeEach
    void openShop() {
        counterStaff = Executors.newCachedThreadPool(CoffeeShopTest.counterStaffThreads());
    }

    @AfterEach
    void closeShop() {
        counterStaff.shutdownNow();
    }

    @Test
    @Order(1)
    @DisplayName("task 1 · orderAndWait hands a failed brew's exception to the customer as it is")
    @Hint("Task 1: call the barista on your own thread and let its exception pass through: "
            + "no try/catch, and no join(), which wraps the exception in a CompletionException.")
    void orderAndWaitPassesTheBaristasException() {
        FakeRemote remote = brokenBarista();
        CoffeeShop shop = new CoffeeShop(CoffeeShopTest.baristaAt(remote), counterStaff);

        Throwable thrown = thrownBy(() -> shop.orderAndWait("espresso"));

        assertThat(thrown)
                .withFailMessage("Expecting orderAndWait(\"espresso\") to throw the barista's own%n"
                                + "    IllegalStateException: %s%nbut it threw%n    %s%n%s",
                        OUT_OF_BEANS, thrown == null ? "nothing" : thrown,
                        thrown instanceof CompletionException
                                ? "join() wraps a failure in a CompletionException: in line, simply call the barista yourself."
                                : "Let the barista's exception reach the customer unchanged.")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(OUT_OF_BEANS);
    }

    @Test
    @Order(2)
    @DisplayName("task 2 · a failed brew fails the buzzer, with the barista's exception as the cause")
    @Hint("Task 2: supplyAsync already fails the buzzer when the brew throws. Do not catch the exception inside "
            + "the brew, and do not turn it into a coffee or null.")
    void failedBrewFailsTheBuzzer() {
        FakeRemote remote = brokenBarista();
        CoffeeShop shop = new CoffeeShop(CoffeeShopTest.baristaAt(remote), counterStaff);

        CompletableFuture<Coffee> buzzer =
                returnedAtOnce("orderWithBuzzer(\"espresso\")", () -> shop.orderWithBuzzer("espresso"));
        Throwable cause = Futures.failureOf("orderWithBuzzer(\"espresso\")", buzzer);

        assertThat(cause)
                .withFailMessage("Expecting the buzzer to fail because of the barista's%n    IllegalStateException: %s%n"
                        + "but its cause was%n    %s%nKeep the original exception: do not wrap or replace it.",
                        OUT_OF_BEANS, cause)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(OUT_OF_BEANS);
    }

    @Test
    @Order(3)
    @DisplayName("task 3 · a failed brew never buzzes, and fails the future orderWithBuzzer(drink, onBuzz) returns")
    @Hint("Task 3: return the future that thenAccept(onBuzz) gives you. It fails when the brew fails, "
            + "and then onBuzz is never called.")
    void failedBrewNeverBuzzes() {
        FakeRemote remote = brokenBarista();
        CoffeeShop shop = new CoffeeShop(CoffeeShopTest.baristaAt(remote), counterStaff);
        AtomicInteger buzzes = new AtomicInteger();

        CompletableFuture<Void> buzzed = returnedAtOnce("orderWithBuzzer(\"espresso\", onBuzz)",
                () -> shop.orderWithBuzzer("espresso", coffee -> buzzes.incrementAndGet()));
        Throwable cause = Futures.failureOf("orderWithBuzzer(\"espresso\", onBuzz)", buzzed);

        assertThat(cause)
                .withFailMessage("Expecting the future to fail because of the barista's%n    IllegalStateException: %s%n"
                        + "but its cause was%n    %s", OUT_OF_BEANS, cause)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(OUT_OF_BEANS);
        assertThat(buzzes.get())
                .withFailMessage("Expecting no buzz for an espresso that was never made,%n"
                        + "but onBuzz was called %d time(s): call it only with a coffee.", buzzes.get())
                .isZero();
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 4 · orderAll returns five coffees in the order given, even when the last drink is ready first")
    @Hint("Task 4: start every buzzer first, then join them in the order of the drinks. "
            + "Collecting coffees as their buzzers go off puts them in the order they were ready.")
    void orderAllKeepsTheOrderOfTheDrinks() {
        List<String> drinks = List.of("latte", "mocha", "tea", "flat white", "cortado");
        FakeRemote remote = CoffeeShopTest.barista().latency(BREW_TIME).build();
        CallRecorder waits = new CallRecorder();
        CoffeeShop shop = new CoffeeShop(readyLastToFirst(drinks, CoffeeShopTest.baristaAt(remote), waits), counterStaff);

        List<Coffee> round = orderAllOf(shop, drinks, remote, waits);

        List<Coffee> expected = drinks.stream().map(Coffee::new).toList();
        assertThat(round)
                .withFailMessage(() -> String.format("Expecting the coffees in the order of the drinks:%n    %s%nbut"
                                + " got:%n    %s%nHere the last drink was ready first (see the timeline). "
                                + "Join the buzzers in the order of the drinks.%nTimeline:%n%s",
                        expected, round, remote.log().timeline()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(5)
    @DisplayName("task 4 · orderAll of no drinks returns an empty list without calling the barista")
    @Hint("Task 4: the same code works for an empty list: no buzzers to start, none to join, an empty list back.")
    void orderAllOfNothing() {
        FakeRemote remote = CoffeeShopTest.barista().latency(BREW_TIME).build();
        CoffeeShop shop = new CoffeeShop(CoffeeShopTest.baristaAt(remote), counterStaff);

        List<Coffee> round = shop.orderAll(List.of());

        assertThat(round)
                .withFailMessage("Expecting an empty list of coffees for no drinks,%nbut got %s", round)
                .isEmpty();
        assertThat(remote).wasCalled(0);
    }

    @Test
    @Order(6)
    @DisplayName("task 4 · when one brew of the round fails, orderAll throws a CompletionException with the barista's exception as its cause")
    @Hint("Task 4: join() each buzzer: a failed one throws a CompletionException around the barista's exception."
            + " Do not skip the failed drink or hand back a coffee for it.")
    void orderAllFailsWhenABrewFails() {
        FakeRemote remote = brokenBarista();
        CoffeeShop shop = new CoffeeShop(CoffeeShopTest.baristaAt(remote), counterStaff);
        List<String> drinks = List.of("latte", "espresso", "tea");

        Throwable thrown = thrownBy(() -> shop.orderAll(drinks));

        assertThat(thrown)
                .withFailMessage("Expecting orderAll(%s) to throw a CompletionException whose cause is the barista's%n"
                                + "    IllegalStateException: %s%nbut it %s%nA round with a failed brew must not look like"
                                + " a success: let join() throw.%nTimeline:%n%s",
                        drinks, OUT_OF_BEANS, thrown == null ? "returned normally." : "threw\n    " + thrown,
                        remote.log().timeline())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage(OUT_OF_BEANS);
    }

    /** What {@code call} threw, or null; an unsolved task's UnsupportedOperationException goes on as it is. */
    private static Throwable thrownBy(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof UnsupportedOperationException unsolved) {
            throw unsolved;
        }
        return thrown;
    }

    /** A barista who fails every espresso, as the machine is out of beans. */
    private static FakeRemote brokenBarista() {
        return CoffeeShopTest.barista().latency(BREW_TIME)
                .failOn("espresso", () -> new IllegalStateException(OUT_OF_BEANS))
                .build();
    }

    /**
     * Makes the drinks ready last to first, whatever the machine's load: each drink is brewed only once the drink
     * ordered after it is ready. That needs every order placed at once, so a one-at-a-time orderAll fails with a
     * message instead of hanging, and each wait is in {@code waits} for its timeline.
     */
    private static Barista readyLastToFirst(List<String> drinks, Barista barista, CallRecorder waits) {
        Map<String, CountDownLatch> ready = drinks.stream()
                .collect(Collectors.toMap(Function.identity(), drink -> new CountDownLatch(1)));
        return drink -> {
            int next = drinks.indexOf(drink) + 1;
            if (next < drinks.size()) {
                waits.run(drink, () -> awaitReady(drinks.get(next), ready.get(drinks.get(next)), drink));
            }
            Coffee coffee = barista.brew(drink);
            ready.get(drink).countDown();
            return coffee;
        };
    }

    private static void awaitReady(String drink, CountDownLatch ready, String waiting) {
        try {
            if (!ready.await(Futures.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.format("the %s waited %d s for the %s, which was never ordered: "
                        + "orderAll must place every order before it waits for any",
                        waiting, Futures.PATIENCE.toSeconds(), drink));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the " + waiting + " was cancelled");
        }
    }

    /** Places the round, turning a failure of orderAll itself into a lesson (an unsolved task stays as it is). */
    private static List<Coffee> orderAllOf(CoffeeShop shop, List<String> drinks, FakeRemote remote, CallRecorder waits) {
        try {
            return shop.orderAll(drinks);
        } catch (UnsupportedOperationException unsolved) {
            throw unsolved;
        } catch (RuntimeException thrown) {
            String brews = remote.log().calls() == 0 ? "" : String.format("%nTimeline of the brews:%n%s", remote.log().timeline());
            return fail(String.format("Expecting orderAll(%s) to return the coffees,%nbut it threw%n    %s%n"
                    + "Timeline of each drink waiting for the one ordered after it to be ready:%n%s%s",
                    drinks, thrown, waits.log().timeline(), brews), thrown);
        }
    }

    /**
     * Places an order whose brew fails, and returns its future; the failure must travel inside that future, so an
     * order that throws at once becomes a lesson (an unsolved task stays as it is).
     */
    private static <T> CompletableFuture<T> returnedAtOnce(String what, Supplier<CompletableFuture<T>> order) {
        try {
            return order.get();
        } catch (UnsupportedOperationException unsolved) {
            throw unsolved;
        } catch (RuntimeException thrown) {
            return fail(String.format("Expecting %s to return a future at once, which fails when the brew fails,%n"
                    + "but the call itself threw%n    %s%nso it waited for the brew. "
                    + "Return the future at once and let the failure travel inside it.", what, thrown), thrown);
        }
    }
}
