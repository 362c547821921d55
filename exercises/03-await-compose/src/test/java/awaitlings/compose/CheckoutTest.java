package awaitlings.compose;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

@DisplayName("03 · await and compose")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutTest {

    /**
     * What the fake shop answers: session s1 is alice, her cart is cart-7, and so on. Session s2 (bob) is there for
     * checks that run two checkouts at once.
     */
    private static final Map<String, String> ANSWERS = Map.of(
            "user:s1", "alice",
            "cart:alice", "cart-7",
            "total:cart-7", "4200",
            "user:s2", "bob",
            "cart:bob", "cart-9",
            "total:cart-9", "1500",
            "price:mug", "1200",
            "stock:mug", "3");

    // The fixtures without `private` (these two, shopRemote, shopOn, returnedBy) are shared with CheckoutHiddenTest.
    static final Receipt ALICE_RECEIPT = new Receipt("alice", "cart-7", 4200);
    static final Quote MUG_QUOTE = new Quote("mug", 1200, 3);

    @Test
    @Order(1)
    @DisplayName("task 1 · checkout returns an unfinished future at once, before the shop has answered anything")
    @Hint("Return the future you build from shop.userOf(session) right away; never join() or get() it in checkout().")
    void checkoutReturnsAtOnce() {
        FakeRemote shop = shopRemote().held().build();
        try {
            CompletableFuture<Receipt> receipt = NonBlocking.returnsWhileHeld("checkout(\"s1\")",
                    () -> new Checkout(shopOn(shop)).checkout("s1"));
            assertThat(receipt).withFailMessage("Expecting checkout(\"s1\") to return a future, but it returned null")
                    .isNotNull();
            assertThat(receipt.isDone())
                    .withFailMessage("Expecting checkout(\"s1\") to return a future that is not done yet, because the shop"
                            + " has not answered,%nbut it was already done: %s%nBuild the receipt from the shop's answers.",
                            receipt)
                    .isFalse();
        } finally {
            shop.release();
        }
    }

    @Test
    @Order(2)
    @DisplayName("task 1 · checkout asks for user, then cart, then total, each after the previous answer, and returns their receipt")
    @Hint("Chain the steps: shop.userOf(session).thenCompose(user -> shop.cartOf(user) ...) — each step starts"
            + " only once the previous answer is there.")
    void checkoutRunsDependentStepsInOrder() {
        FakeRemote shop = shopRemote().build();

        Receipt receipt = Futures.valueOf("checkout(\"s1\")", new Checkout(shopOn(shop)).checkout("s1"));

        assertThat(shop).startedInOrder("user:s1", "cart:alice", "total:cart-7")
                .finishedBeforeStarting("user:s1", "cart:alice")
                .finishedBeforeStarting("cart:alice", "total:cart-7");
        assertThat(receipt)
                .withFailMessage("Expecting checkout(\"s1\") to give%n    %s%nbut it gave%n    %s%n"
                        + "Build the Receipt from the three answers: the user, the cart and the cart's total.",
                        ALICE_RECEIPT, receipt)
                .isEqualTo(ALICE_RECEIPT);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 1 · checkout returns at once even when the user is already known, so no step waits inside a callback")
    @Hint("A callback that calls join() runs as soon as the previous answer is there — here, inside checkout() itself."
            + " Return the next step's future from thenCompose instead of joining it.")
    void checkoutDoesNotWaitInsideCallbacks() {
        // A cached user answers at once, so the next callback runs right inside checkout(): if it joins, it blocks there.
        FakeRemote shop = shopRemote().held().build();
        try {
            CompletableFuture<Receipt> receipt = NonBlocking.returnsWhileHeld("checkout(\"s1\") with user s1 already known",
                    () -> new Checkout(shopOn(shop, "user:s1")).checkout("s1"));
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
    @Order(4)
    @Points(2)
    @DisplayName("task 2 · quote asks for price and stock at the same time and combines both answers")
    @Hint("Start both calls before waiting for either: shop.priceOf(item).thenCombine(shop.stockOf(item), (price, stock) -> ...).")
    void quoteOverlapsIndependentCalls() {
        FakeRemote shop = shopRemote().rendezvous(2).build();

        Quote quote = Futures.valueOf("quote(\"mug\")", new Checkout(shopOn(shop)).quote("mug"));

        assertThat(shop).wasCalled(2).ranConcurrently(2);
        assertThat(quote)
                .withFailMessage("Expecting quote(\"mug\") to give%n    %s%nbut it gave%n    %s%n"
                        + "Put the price answer and the stock answer into the Quote.", MUG_QUOTE, quote)
                .isEqualTo(MUG_QUOTE);
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("task 3 · when the user lookup fails, checkout fails with that same exception and never asks for cart or total")
    @Hint("Let the failure travel: thenCompose skips the later steps by itself. Do not catch it with exceptionally() or"
            + " handle(), and do not wrap it in an exception of your own.")
    void checkoutFailureKeepsCauseAndSkipsLaterSteps() {
        IllegalStateException down = new IllegalStateException("session service down");
        FakeRemote shop = shopRemote().failOn("user:s1", () -> down).build();

        Throwable failure = Futures.failureOf("checkout(\"s1\")",
                returnedBy("checkout(\"s1\")", () -> new Checkout(shopOn(shop)).checkout("s1")));

        assertThat(failure)
                .withFailMessage("Expecting checkout(\"s1\") to fail with the shop's own exception%n    %s%n"
                        + "but it failed with%n    %s%nKeep the original: a CompletionException around it is fine,"
                        + " another exception or a default value is not.", down, failure)
                .isSameAs(down);
        assertThat(shop).wasCalled(1);
    }

    @Test
    @Order(6)
    @Points(2)
    @Timeout(30) // reading class files is slow on a busy machine; the waits below are bounded at 5 s each anyway
    @DisplayName("checkout and quote give the right answers and nothing in awaitlings.compose calls join() or get()")
    @Hint("Every join() or get() blocks a thread until an answer exists. Replace `x -> shop.cartOf(x).join()` inside"
            + " thenApply with `thenCompose(x -> shop.cartOf(x))`, and two joins with thenCombine.")
    void nothingJoinsInsideThePipeline() {
        FakeRemote shop = shopRemote().build();
        Checkout checkout = new Checkout(shopOn(shop));

        Receipt receipt = Futures.valueOf("checkout(\"s1\")", checkout.checkout("s1"));
        assertThat(receipt).withFailMessage("Expecting checkout(\"s1\") to give %s, but it gave %s", ALICE_RECEIPT, receipt)
                .isEqualTo(ALICE_RECEIPT);
        Quote quote = Futures.valueOf("quote(\"mug\")", checkout.quote("mug"));
        assertThat(quote).withFailMessage("Expecting quote(\"mug\") to give %s, but it gave %s", MUG_QUOTE, quote)
                .isEqualTo(MUG_QUOTE);
        NO_WAITING_FOR_FUTURES.check(mainClasses());
    }

    // ---- the fake shop ------------------------------------------------------------------------------------------

    static FakeRemote.Builder shopRemote() {
        return FakeRemote.named("shop").latency(Duration.ofMillis(100)).respond(CheckoutTest::answer);
    }

    private static String answer(String key) {
        String answer = ANSWERS.get(key);
        if (answer == null) {
            throw new IllegalArgumentException("the shop has no answer for " + key
                    + ": pass each step the previous step's answer (user → cart → total)");
        }
        return answer;
    }

    /**
     * The shop over one fake remote: each call is a fetch of "kind:argument", so one log shows every call in order.
     * Keys in {@code alreadyKnown} answer at once from a cache, without asking the remote.
     */
    static Shop shopOn(FakeRemote remote, String... alreadyKnown) {
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

    // ---- starting a call (tests may wait for its future, with Futures; the code under test must not) -------------

    /** Starts the call; a failure thrown straight out of it, not through its future, means the call waited. */
    static <T> CompletableFuture<T> returnedBy(String call, Supplier<CompletableFuture<T>> start) {
        try {
            return start.get();
        } catch (UnsupportedOperationException notYetWritten) {
            throw notYetWritten;
        } catch (RuntimeException thrown) {
            return fail("Expecting %s to return a future that fails later,%nbut %s itself threw%n    %s%n"
                    + "It waited for an answer (join() or get()) instead of returning the future: compose the steps.",
                    call, call, Futures.unwrap(thrown));
        }
    }

    // ---- the classic mistake: waiting inside the pipeline ----------------------------------------------------------

    private static final Set<String> BLOCKING_METHODS = Set.of("join", "get");

    private static final ArchRule NO_WAITING_FOR_FUTURES = classes().that().resideInAPackage("awaitlings.compose")
            .should(new ArchCondition<JavaClass>("never wait for a future with join() or get()") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    // Code unit accesses include method references, so `CompletableFuture::join` counts too.
                    for (JavaCodeUnitAccess<?> access : javaClass.getCodeUnitAccessesFromSelf()) {
                        if (BLOCKING_METHODS.contains(access.getTarget().getName()) && isFuture(access.getTargetOwner())) {
                            events.add(SimpleConditionEvent.violated(access, shouldNotWait(access)));
                        }
                    }
                }
            })
            .because("a pipeline of futures runs its steps when answers arrive; waiting inside it holds a thread hostage");

    /** The exercise's compiled main classes only: no test classes, no classpath scan, no JDK class files. */
    private static JavaClasses mainClasses() {
        URL mainOutput = Checkout.class.getProtectionDomain().getCodeSource().getLocation();
        // Reading the JDK's class files behind every access takes seconds on a busy machine; isFuture() asks the JVM.
        return ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importUrl(mainOutput);
        });
    }

    /** Whether the owner of a called method is a Future (CompletableFuture, FutureTask, ...), by its loaded class. */
    private static boolean isFuture(JavaClass owner) {
        try {
            return Future.class.isAssignableFrom(Class.forName(owner.getName(), false, CheckoutTest.class.getClassLoader()));
        } catch (ClassNotFoundException notAClassWeCanLoad) {
            return false;
        }
    }

    /** "Checkout.checkout() calls CompletableFuture.join() (Checkout.java:25) inside the pipeline: ..." */
    private static String shouldNotWait(JavaCodeUnitAccess<?> access) {
        String method = access.getOrigin().getName();
        if (method.startsWith("lambda$")) {
            method = method.split("\\$")[1]; // javac names a lambda in checkout() lambda$checkout$0
        }
        return String.format("%s.%s() calls %s.%s() %s inside the pipeline: that blocks a thread while it waits."
                        + " Use thenCompose for a step that needs the previous answer, thenCombine for two answers at once.",
                access.getOriginOwner().getSimpleName(), method, access.getTargetOwner().getSimpleName(),
                access.getTarget().getName(), access.getSourceCodeLocation());
    }
}
