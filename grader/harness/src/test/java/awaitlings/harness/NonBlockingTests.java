package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NonBlocking")
class NonBlockingTests {

    @Test
    @DisplayName("a call that returns while replies are held back passes, with its result")
    void returnsAtOnce() {
        FakeRemote remote = FakeRemote.named("barista").held().build();
        try {
            CompletableFuture<String> reply = NonBlocking.returnsWhileHeld("order()", () -> remote.fetchAsync("latte"));
            assertThat(reply).isNotDone();
        } finally {
            remote.release();
        }
    }

    @Test
    @DisplayName("a call that waits for a held reply fails, saying where it waited")
    void waits() {
        FakeRemote remote = FakeRemote.named("barista").held().build();
        try {
            assertThatThrownBy(() -> NonBlocking.returnsWhileHeld("order()", () -> remote.fetchAsync("latte").join()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting order() to return at once")
                    .hasMessageContaining("\"awaitlings-caller\" waiting");
        } finally {
            remote.release();
        }
    }

    @Test
    @DisplayName("what the call throws is rethrown as it is")
    void rethrows() {
        assertThatThrownBy(() -> NonBlocking.returnsWhileHeld("order()", () -> {
            throw new UnsupportedOperationException("Implement order()");
        })).isExactlyInstanceOf(UnsupportedOperationException.class).hasMessage("Implement order()");
    }

    @Test
    @DisplayName("a call that must return a future and returns null fails, saying so")
    void nullFuture() {
        assertThatThrownBy(() -> NonBlocking.returnsFutureWhileHeld("pricesAt()", () -> null))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.format("Expecting pricesAt() to return a future,%nbut it returned null."));
        assertThat(NonBlocking.returnsFutureWhileHeld("pricesAt()", () -> CompletableFuture.completedFuture("x"))).isDone();
    }
}
