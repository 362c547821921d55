package awaitlings.futures;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("02 · a future is not the value")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FutureNotValueTest {

    private final FakeRemote remote = greeterRemote().build();

    /** The fake greeter service: replies "hihi, <name>" after 150 ms. Shared with FutureNotValueHiddenTest (same package). */
    static FakeRemote.Builder greeterRemote() {
        return FakeRemote.named("greeter").latency(Duration.ofMillis(150)).respond(name -> "hihi, " + name);
    }

    // ---- Task 1: the caller gets the value, not the future ----

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · greeting(\"Ada\") returns the text \"hihi, Ada\", not the future that holds it")
    @Hint("greetAsync(name) gives you a future, like calling get_hihi() without await. Wait for its value with join().")
    void greetingReturnsTheValue() {
        Greetings greetings = new Greetings(remote::fetchAsync);

        String greeting = greetings.greeting("Ada");

        if (greeting != null && greeting.contains("CompletableFuture")) {
            fail(String.format("Expecting greeting(\"Ada\") to return the text \"hihi, Ada\",%n"
                    + "but it returned \"%s\": that is how a future prints itself (its toString()), not its value.%n"
                    + "You returned the future, not its value: join it, as Python awaits get_hihi().", greeting));
        }
        assertThat(greeting)
                .withFailMessage("Expecting greeting(\"Ada\") to return the greeter's reply \"hihi, Ada\",%n"
                        + "but it returned %s. Return exactly what the greeter's future completes with.", quoted(greeting))
                .isEqualTo("hihi, Ada");
        assertThat(remote).wasCalled(1);
    }

    // ---- Task 2: a future of a future, flattened ----

    @Test
    @Order(2)
    @DisplayName("task 2 · flatten(nested) returns at once, an incomplete future, while the outer future is still incomplete")
    @Hint("Do not join() inside flatten: that waits. Chain on the outer future instead, so the result completes later.")
    void flattenReturnsAtOnce() {
        CompletableFuture<CompletableFuture<String>> nested = new CompletableFuture<>();

        CompletableFuture<String> flat = NonBlocking.returnsWhileHeld("Greetings.flatten(nested)", () -> Greetings.flatten(nested));

        assertThat(flat)
                .withFailMessage("Expecting flatten(nested) to return a future, but it returned null.")
                .isNotNull();
        assertThat(flat.isDone())
                .withFailMessage("Expecting flatten(nested) to return a future that is not complete yet,%n"
                        + "because nothing inside nested has a value yet, but it returned %s.%n"
                        + "The flat future must complete when the inner future does, not before.", flat)
                .isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · flatten(nested) completes with the inner future's value, once the outer and then the inner future complete")
    @Hint("thenApply would give you the inner future itself again. thenCompose(inner -> inner) adopts the inner future's value.")
    void flattenCompletesWithTheInnerValue() {
        CompletableFuture<CompletableFuture<String>> nested = new CompletableFuture<>();
        CompletableFuture<String> inner = new CompletableFuture<>();
        try {
            CompletableFuture<String> flat = NonBlocking.returnsWhileHeld("Greetings.flatten(nested)", () -> Greetings.flatten(nested));

            // Completing the outer future runs the callbacks flatten chained on it, right here: they must not wait.
            NonBlocking.returnsWhileHeld("nested.complete(inner), which runs the callbacks your flatten() chained,",
                    () -> nested.complete(inner));
            assertThat(flat.isDone())
                    .withFailMessage("Expecting flatten(nested) to stay incomplete while the inner future has no value,%n"
                            + "but once the outer future completed it became %s.%n"
                            + "Do not read the inner future early (getNow): let the flat future adopt the inner one.", flat)
                    .isFalse();

            inner.complete("hihi");
            assertThat(Futures.valueOf("flatten(nested)", flat))
                    .as("the value of flatten(nested) once its inner future completed with \"hihi\"")
                    .isEqualTo("hihi");
        } finally {
            inner.complete("released by the test"); // frees a callback that waits on it, if any
        }
    }

    // ---- Task 3: compose without nesting ----

    @Test
    @Order(4)
    @DisplayName("task 3 · greetingOfUser(name) returns at once while the greeter's reply is held back, then completes with it")
    @Hint("Do not join() the greeter's future, not even inside thenApply: that waits. thenCompose chains it without waiting.")
    void greetingOfUserReturnsAtOnce() {
        FakeRemote held = greeterRemote().held().build();
        Greetings greetings = new Greetings(held::fetchAsync);
        try {
            CompletableFuture<String> greeting = NonBlocking.returnsWhileHeld("greetingOfUser(name)",
                    () -> greetings.greetingOfUser(CompletableFuture.completedFuture("Ada")));

            held.release();
            assertThat(Futures.valueOf("greetingOfUser(name)", greeting))
                    .as("the greeting for a user whose name is \"Ada\"")
                    .isEqualTo("hihi, Ada");
        } finally {
            held.release();
        }
    }

    @Test
    @Order(5)
    @DisplayName("task 3 · greetingOfUser(name) asks the greeter only once the name has arrived, and completes with its greeting")
    @Hint("The name is a future too: do not read it now. Chain on it (thenCompose) so the greeter is asked when it arrives.")
    void greetingOfUserWaitsForTheName() {
        Greetings greetings = new Greetings(remote::fetchAsync);
        CompletableFuture<String> userName = new CompletableFuture<>();

        CompletableFuture<String> greeting = NonBlocking.returnsWhileHeld("greetingOfUser(name), while the name is unknown,",
                () -> greetings.greetingOfUser(userName));
        assertThat(remote.requests())
                .withFailMessage("Expecting the greeter not to be asked before the user's name has arrived,%n"
                        + "but it was asked %d time(s). Ask it when the name future completes, with its value.",
                        remote.requests())
                .isZero();

        userName.complete("Ada");
        assertThat(Futures.valueOf("greetingOfUser(name)", greeting))
                .as("the greeting once the user's name \"Ada\" arrived")
                .isEqualTo("hihi, Ada");
        // The greeting "hihi, Ada" says the greeter was asked for Ada; the count says it was asked for nothing else.
        assertThat(remote.requests())
                .withFailMessage("Expecting the greeter to be asked once, for Ada, but it was asked %d time(s).",
                        remote.requests())
                .isOne();
    }

    // ---- Task 4: eager vs lazy ----

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("task 4 · LazyTask.of(work) does not call the work; start() calls it, and its future completes with the work's value")
    @Hint("of() only stores the Supplier. Call work.get() in start(), the way a coroutine runs only when awaited.")
    void lazyTaskStartsOnlyWhenStarted() {
        // Each run of the work asks the greeter once, and requests() counts that the moment it is asked.
        LazyTask<String> task = LazyTask.of(() -> remote.fetchAsync("Ada"));

        assertThat(remote.requests())
                .withFailMessage("Expecting LazyTask.of(work) to leave the work alone until start(),%n"
                        + "but the work already ran %d time(s): the task is eager, like supplyAsync or asyncio.create_task.%n"
                        + "Store the Supplier in of() and call it in start(), like a coroutine that runs only when awaited.",
                        remote.requests())
                .isZero();

        CompletableFuture<String> result = task.start();
        assertThat(remote.requests())
                .withFailMessage("Expecting start() to run the work once, but it ran %d time(s).", remote.requests())
                .isOne();
        assertThat(Futures.valueOf("start()", result))
                .as("the value of the future start() returned, for work that greets \"Ada\"")
                .isEqualTo("hihi, Ada");
    }

    @Test
    @Order(7)
    @DisplayName("task 4 · start() returns at once, with the work begun but its reply held back")
    @Hint("start() begins the work and hands out its future; whoever wants the value joins or chains on that future.")
    void startReturnsAtOnce() {
        FakeRemote held = greeterRemote().held().build();
        try {
            LazyTask<String> task = LazyTask.of(() -> held.fetchAsync("Ada"));

            CompletableFuture<String> result = NonBlocking.returnsWhileHeld("start()", task::start);
            assertThat(held.requests())
                    .withFailMessage("Expecting start() to begin the work, but the work ran %d time(s).", held.requests())
                    .isOne();
            assertThat(result)
                    .withFailMessage("Expecting start() to return the work's future, but it returned null.")
                    .isNotNull();
            assertThat(result.isDone())
                    .withFailMessage("Expecting start() to return the work's future while the reply is held back,%n"
                            + "so a future that is not complete yet, but it returned %s.", result)
                    .isFalse();
        } finally {
            held.release();
        }
    }

    @Test
    @Order(8)
    @DisplayName("task 4 · start() called twice runs the work once and returns the same future both times")
    @Hint("Remember the future from the first start() in a field; a later start() returns it instead of running the work again.")
    void startTwiceRunsTheWorkOnce() {
        LazyTask<String> task = LazyTask.of(() -> remote.fetchAsync("Ada"));

        CompletableFuture<String> first = task.start();
        CompletableFuture<String> second = task.start();

        assertThat(remote.requests())
                .withFailMessage("Expecting two start() calls to run the work once, but it ran %d time(s).%n"
                        + "A task starts once; later start() calls hand out the future it already has.", remote.requests())
                .isOne();
        assertThat(second)
                .withFailMessage("Expecting the second start() to return the same future as the first,%n"
                        + "but it returned another one: first %s, second %s.", first, second)
                .isSameAs(first);
        assertThat(Futures.valueOf("start()", first)).as("the value of the started task").isEqualTo("hihi, Ada");
        assertThat(remote).wasCalled(1);
    }

    // ---- helpers ----

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
