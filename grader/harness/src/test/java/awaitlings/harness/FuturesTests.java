package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Futures")
class FuturesTests {

    @Test
    @DisplayName("valueOf gives the value of a completed future")
    void value() {
        assertThat(Futures.valueOf("greet()", CompletableFuture.completedFuture("hihi"))).isEqualTo("hihi");
    }

    @Test
    @DisplayName("valueOf of a failed future names the unwrapped failure")
    void valueOfFailed() {
        assertThatThrownBy(() -> Futures.valueOf("greet()", CompletableFuture.failedFuture(new IllegalStateException("down"))))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.format("Expecting greet() to complete with a value,%nbut it failed with%n"
                        + "    java.lang.IllegalStateException: down"));
    }

    @Test
    @DisplayName("valueOf of null says a future was expected")
    void valueOfNull() {
        assertThatThrownBy(() -> Futures.valueOf("greet()", null))
                .hasMessage(String.format("Expecting greet() to return a future,%nbut it returned null."));
    }

    @Test
    @DisplayName("failureOf gives the original exception, unwrapped")
    void failure() {
        IllegalStateException down = new IllegalStateException("down");
        CompletableFuture<String> failed = CompletableFuture.supplyAsync(() -> {
            throw down;
        });
        assertThat(Futures.failureOf("greet()", failed)).isSameAs(down);
        assertThat(Futures.unwrap(new CompletionException(new ExecutionException(down)))).isSameAs(down);
    }

    @Test
    @DisplayName("failureOf of a future that succeeded says the failure was swallowed")
    void swallowed() {
        assertThatThrownBy(() -> Futures.failureOf("greet()", CompletableFuture.completedFuture("guest")))
                .hasMessage(String.format("Expecting greet() to fail, because a call it depends on failed,%n"
                        + "but it completed with%n    guest%nThe failure was swallowed: let it travel to the caller."));
    }

    @Test
    @DisplayName("FakeRemote counts a request the moment it is made")
    void requestsCountedAtOnce() {
        FakeRemote remote = FakeRemote.named("store").held().build();
        try {
            remote.fetchAsync("a");
            assertThat(remote.requests()).isEqualTo(1);
        } finally {
            remote.release();
        }
    }

    @Test
    @DisplayName("settles tells a future that is done, or becomes done soon, from one that stays open")
    void settles() {
        CompletableFuture<String> open = new CompletableFuture<>();
        CompletableFuture<String> soon = CompletableFuture.supplyAsync(() -> "later");
        assertThat(Futures.settles(CompletableFuture.failedFuture(new IllegalStateException("down")))).isTrue();
        assertThat(Futures.settles(soon)).isTrue();
        assertThat(Futures.settles(open)).isFalse();
    }
}
