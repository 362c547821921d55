package awaitlings.compose;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("03 · await and compose (more checks)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutHiddenTest {

    // The fake shop, its answers and the expected receipt and quote are CheckoutTest's (same package).
    private static final Receipt ALICE_RECEIPT = CheckoutTest.ALICE_RECEIPT;
    private static final Receipt BOB_RECEIPT = new Receipt("bob", "cart-9", 1500); // session s2 in CheckoutTest's shop
    private static final Quote MUG_QUOTE = CheckoutTest.MUG_QUOTE;

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · two checkouts for different sessions overlap, and each keeps its own steps in order")
    @Hint("checkout() must hand back its future without waiting, so a caller can start a second checkout at once.")
    void twoCheckoutsInterleave() {
        FakeRemote shop = CheckoutTest.shopRemote().rendezvous(2).build();
        Checkout checkout = new Checkout(CheckoutTest.shopOn(shop));

        CompletableFuture<Receipt> alice = checkout.checkout("s1");
        CompletableFuture<Receipt> bob = checkout.checkout("s2");
        Receipt aliceReceipt = Futures.valueOf("checkout(\"s1\")", alice);
        Receipt bobReceipt = Futures.valueOf("checkout(\"s2\")", bob);

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
        FakeRemote shop = CheckoutTest.shopRemote().held().build();
        try {
            CompletableFuture<Receipt> receipt = NonBlocking.returnsWhileHeld(
                    "checkout(\"s1\") with user s1 and cart of alice already known",
                    () -> new Checkout(CheckoutTest.shopOn(shop, "user:s1", "cart:alice")).checkout("s1"));
            shop.release();
            Receipt answer = Futures.valueOf("checkout(\"s1\")", receipt);
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
        FakeRemote shop = CheckoutTest.shopRemote().held().build();
        try {
            CompletableFuture<Quote> quote = NonBlocking.returnsWhileHeld("quote(\"mug\")",
                    () -> new Checkout(CheckoutTest.shopOn(shop)).quote("mug"));
            shop.release();
            Quote answer = Futures.valueOf("quote(\"mug\")", quote);
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
        FakeRemote shop = CheckoutTest.shopRemote().failOn("total:cart-7", () -> down).build();

        Throwable failure = Futures.failureOf("checkout(\"s1\")",
                CheckoutTest.returnedBy("checkout(\"s1\")", () -> new Checkout(CheckoutTest.shopOn(shop)).checkout("s1")));

        assertThat(failure)
                .withFailMessage("Expecting checkout(\"s1\") to fail with the shop's own exception%n    %s%n"
                        + "but it failed with%n    %s%nKeep the original: a CompletionException around it is fine,"
                        + " another exception or a default value is not.", down, failure)
                .isSameAs(down);
        assertThat(shop).wasCalled(3);
    }

    @Test
    @Order(5)
    @DisplayName("task 3 · when the price or the stock lookup fails, quote fails with that same exception")
    @Hint("thenCombine fails as soon as either side fails; let that failure through unchanged, on both sides.")
    void lookupFailureFailsQuote() {
        quoteFailsWithTheFailureOf("price:mug", new IllegalStateException("price list down"));
        quoteFailsWithTheFailureOf("stock:mug", new IllegalStateException("warehouse down"));
    }

    private static void quoteFailsWithTheFailureOf(String failingCall, IllegalStateException down) {
        FakeRemote shop = CheckoutTest.shopRemote().failOn(failingCall, () -> down).build();

        Throwable failure = Futures.failureOf("quote(\"mug\")",
                CheckoutTest.returnedBy("quote(\"mug\")", () -> new Checkout(CheckoutTest.shopOn(shop)).quote("mug")));

        assertThat(failure)
                .withFailMessage("Expecting quote(\"mug\") to fail with the shop's own exception when %s fails,%n    %s%n"
                        + "but it failed with%n    %s%nKeep the original: a CompletionException around it is fine,"
                        + " another exception or a default value is not.", failingCall, down, failure)
                .isSameAs(down);
    }
}
