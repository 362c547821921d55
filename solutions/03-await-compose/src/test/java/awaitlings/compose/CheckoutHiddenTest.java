package awaitlings.compose;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("03 · await and compose (more checks)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutHiddenTest {

    /** What the fake shop answers: two sessions with their own user, cart and total, and one item. */
    private static final Map<String, String> ANSWERS = Map.of(
            "user:s1", "alice",
            "cart:alice", "cart-7",
            "total:cart-7", "4200",
            "user:s2", "bob",
            "cart:bob", "cart-9",
            "total:cart-9", "1500",
            "price:mug", "1200",
            "stock:mug", "3");

    private static final Receipt ALICE_RECEIPT = new Receipt("alice", "cart-7", 4200);
    private static final Receipt BOB_RECEIPT = new Receipt("bob", "cart-9", 1500);
    private static final Quote MUG_QUOTE = new Quote("mug", 1200, 3);

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · two checkouts for different sessions overlap, and each keeps its own steps in order")
    @Hint("checkout() must hand back its future without waiting, so a caller can start a second checkout at once.")
    void twoCheckoutsInterleave() {
        FakeRemote shop = shopRemote().rendezvous(2).build();
        Checkout checkout = new Checkout(shopOn(shop));

        CompletableFuture<Receipt> alice = checkout.checkout("s1");
        CompletableFuture<Receipt> bob = checkout.checkout("s2");
        Receipt aliceReceipt = answerOf("checkout(\"s1\")", alice);
        Receipt bobReceipt = answerOf("checkout(\"s2\")", bob);

        assertThat(shop).wasCalled(6).ranConcurrently(2)
                .finishedBeforeStarting("user:s1", "cart:alice")
                .finishedBeforeStarting("cart:alice", "total:cart-7")
                .finishedBeforeStarting("user:s2", "cart:bob")
                .finishedBeforeStarting("cart:bob", "total:cart-9");
        assertThat(aliceReceipt)
                .withFailMessage("Expecting checkout(\"s1\") to give %s, but it gave %s", ALICE_RECEIPT, aliceReceipt)
                .isEqualTo(ALICE_RECEIPT);
        assertThat(bobReceipt)
                .withFailMessage("Expecting checkout(\"s2\") to give %s, but it gave %s", BOB_RECEIPT, bobReceipt)
                .isEqualTo(BOB_RECEIPT);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 1 · checkout returns at once even when user and cart are already known, so no step waits inside a callback")
    @Hint("Return shop.totalOf(cart) from thenCompose; a join() inside a callback runs inside checkout() when the"
            + " earlier answers are already there.")
    void checkoutDoesNotWaitInsideTheLastCallback() {
        // User and cart answer at once, so every callback up to the total runs right inside checkout().
        FakeRemote shop = shopRemote().held().build();
        try {
            CompletableFuture<Receipt> receipt = NonBlocking.returnsWhileHeld(
                    "checkout(\"s1\") with user s1 and cart of alice already known",
                    () -> new Checkout(shopOn(shop, "user:s1", "cart:alice")).checkout("s1"));
            shop.release();
            Receipt answer = answerOf("checkout(\"s1\")", receipt);
            assertThat(answer)
                    .withFailMessage("Expecting checkout(\"s1\") to give %s once the shop answered, but it gave %s",
                            ALICE_RECEIPT, answer)
                    .isEqualTo(ALICE_RECEIPT);
        } finally {
            shop.release();
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · quote returns at once, before price or stock has answered")
    @Hint("Combine the two futures with thenCombine and return the result; do not join() either of them.")
    void quoteReturnsAtOnce() {
        FakeRemote shop = shopRemote().held().build();
        try {
            CompletableFuture<Quote> quote = NonBlocking.returnsWhileHeld("quote(\"mug\")",
                    () -> new Checkout(shopOn(shop)).quote("mug"));
            shop.release();
            Quote answer = answerOf("quote(\"mug\")", quote);
            assertThat(answer)
                    .withFailMessage("Expecting quote(\"mug\") to give %s once the shop answered, but it gave %s",
                            MUG_QUOTE, answer)
                    .isEqualTo(MUG_QUOTE);
        } finally {
            shop.release();
        }
    }

    @Test
    @Order(4)
    @DisplayName("task 3 · when the last step (the cart's total) fails, checkout fails with that same exception")
    @Hint("Let the failure travel: do not catch it with exceptionally() or handle(), and do not wrap it.")
    void lastStepFailureKeepsCause() {
        IllegalStateException down = new IllegalStateException("pricing service down");
        FakeRemote shop = shopRemote().failOn("total:cart-7", () -> down).build();

        Throwable failure = failureOf("checkout(\"s1\")",
                returnedBy("checkout(\"s1\")", () -> new Checkout(shopOn(shop)).checkout("s1")));

        assertThat(failure)
                .withFailMessage("Expecting checkout(\"s1\") to fail with the shop's own exception%n    %s%n"
                        + "but it failed with%n    %s%nKeep the original: a CompletionException around it is fine,"
                        + " another exception or a default value is not.", down, failure)
                .isSameAs(down);
        assertThat(shop).wasCalled(3);
    }

    @Test
    @Order(5)
    @DisplayName("task 3 · when the stock lookup fails, quote fails with that same exception")
    @Hint("thenCombine fails as soon as either side fails; let that failure through unchanged.")
    void stockFailureFailsQuote() {
        IllegalStateException down = new IllegalStateException("warehouse down");
        FakeRemote shop = shopRemote().failOn("stock:mug", () -> down).build();

        Throwable failure = failureOf("quote(\"mug\")",
                returnedBy("quote(\"mug\")", () -> new Checkout(shopOn(shop)).quote("mug")));

        assertThat(failure)
                .withFailMessage("Expecting quote(\"mug\") to fail with the shop's own exception%n    %s%n"
                        + "but it failed with%n    %s%nKeep the original: a CompletionException around it is fine,"
                        + " another exception or a default value is not.", down, failure)
                .isSameAs(down);
    }

    // ---- the fake shop (kept apart from the visible tests, so these checks stand alone) -----------------------------

    private static FakeRemote.Builder shopRemote() {
        return FakeRemote.named("shop").latency(Duration.ofMillis(100)).respond(CheckoutHiddenTest::answer);
    }

    private static String answer(String key) {
        String answer = ANSWERS.get(key);
        if (answer == null) {
            throw new IllegalArgumentException("the shop has no answer for " + key
                    + ": pass each step the previous step's answer (user → cart → total)");
        }
        return answer;
    }

    /** The shop over one fake remote; keys in {@code alreadyKnown} answer at once from a cache. */
    private static Shop shopOn(FakeRemote remote, String... alreadyKnown) {
        Set<String> cached = Set.of(alreadyKnown);
        Function<String, CompletableFuture<String>> fetch = key -> cached.contains(key)
                ? CompletableFuture.completedFuture(answer(key))
                : remote.fetchAsync(key);
        return new Shop() {
            @Override
            public CompletableFuture<String> userOf(String session) {
                return fetch.apply("user:" + session);
            }

            @Override
            public CompletableFuture<String> cartOf(String user) {
                return fetch.apply("cart:" + user);
            }

            @Override
            public CompletableFuture<Integer> totalOf(String cart) {
                return fetch.apply("total:" + cart).thenApply(Integer::valueOf);
            }

            @Override
            public CompletableFuture<Integer> priceOf(String item) {
                return fetch.apply("price:" + item).thenApply(Integer::valueOf);
            }

            @Override
            public CompletableFuture<Integer> stockOf(String item) {
                return fetch.apply("stock:" + item).thenApply(Integer::valueOf);
            }
        };
    }

    private static <T> T answerOf(String call, CompletableFuture<T> future) {
        assertThat(future).withFailMessage("Expecting %s to return a future, but it returned null", call).isNotNull();
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("Expecting %s to complete once the shop answered,%nbut its future was still open 5 s later:"
                    + " some step's future is never completed or never returned from thenCompose.%nIt was: %s", call, future);
        } catch (ExecutionException e) {
            return fail("Expecting %s to succeed, because every shop call answered,%nbut it failed with%n    %s",
                    call, unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    /** Starts the call; a failure thrown straight out of it, not through its future, means the call waited. */
    private static <T> CompletableFuture<T> returnedBy(String call, Supplier<CompletableFuture<T>> start) {
        try {
            return start.get();
        } catch (UnsupportedOperationException notYetWritten) {
            throw notYetWritten;
        } catch (RuntimeException thrown) {
            return fail("Expecting %s to return a future that fails later,%nbut %s itself threw%n    %s%n"
                    + "It waited for an answer (join() or get()) instead of returning the future: compose the steps.",
                    call, call, unwrap(thrown));
        }
    }

    private static Throwable failureOf(String call, CompletableFuture<?> future) {
        assertThat(future).withFailMessage("Expecting %s to return a future, but it returned null", call).isNotNull();
        try {
            Object value = future.get(5, TimeUnit.SECONDS);
            return fail("Expecting %s to fail, because a shop call failed,%nbut it completed with%n    %s%n"
                    + "The failure was swallowed: let it travel to the caller.", call, value);
        } catch (TimeoutException e) {
            return fail("Expecting %s to fail, because a shop call failed,%nbut its future was still open 5 s later:"
                    + " the failure never reached it.", call);
        } catch (ExecutionException e) {
            return unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call, e);
        }
    }

    /** The exception inside the wrappers that futures add (ExecutionException from get(), CompletionException). */
    private static Throwable unwrap(Throwable failure) {
        Throwable inner = failure;
        while ((inner instanceof ExecutionException || inner instanceof CompletionException) && inner.getCause() != null) {
            inner = inner.getCause();
        }
        return inner;
    }
}
