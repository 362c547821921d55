package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeRemote")
class FakeRemoteTests {

    private static final Duration LATENCY = Duration.ofMillis(100);

    @Test
    @DisplayName("counts every call in flight at once when calls overlap")
    void peakOfOverlappingCalls() {
        FakeRemote remote = FakeRemote.named("store").latency(LATENCY).rendezvous(3).build();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<String>> calls = List.of("a", "b", "c").stream()
                    .map(key -> CompletableFuture.supplyAsync(() -> remote.fetch(key), pool)).toList();
            calls.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        assertThat(remote.log().peakInFlight()).isEqualTo(3);
        assertThat(remote.log().calls()).isEqualTo(3);
    }

    @Test
    @DisplayName("sees one call at a time, in order, when calls run one after another")
    void sequentialCalls() {
        FakeRemote remote = FakeRemote.named("store").latency(Duration.ofMillis(20)).build();
        remote.fetch("a");
        remote.fetch("b");
        assertThat(remote.log().peakInFlight()).isEqualTo(1);
        assertThat(remote.log().startOrder()).containsExactly("a", "b");
        assertThat(remote.log().endOrder()).containsExactly("a", "b");
        assertThat(remote.log().startOf("a")).get().extracting(CallEvent::thread).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    @DisplayName("a broken rendezvous lets sequential calls through after one guard")
    void brokenRendezvousWaitsOnce() {
        FakeRemote remote = FakeRemote.named("store").rendezvous(3).rendezvousGuard(Duration.ofMillis(200)).build();
        assertThat(remote.fetch("a")).isEqualTo("reply to a");
        assertThat(remote.fetch("b")).isEqualTo("reply to b");
        assertThat(remote.log().peakInFlight()).isEqualTo(1);
    }

    @Test
    @DisplayName("an injected failure is thrown and logged as failed")
    void injectedFailure() {
        FakeRemote remote = FakeRemote.named("store").failOn("cart", () -> new IllegalStateException("cart down")).build();
        assertThatThrownBy(() -> remote.fetch("cart")).isInstanceOf(IllegalStateException.class).hasMessage("cart down");
        assertThat(remote.log().endOf("cart")).get().extracting(CallEvent::kind).isEqualTo(CallEvent.Kind.FAILED);
    }

    @Test
    @DisplayName("fetchAsync returns before a held reply exists, and completes once released")
    void asyncHeldThenReleased() {
        FakeRemote remote = FakeRemote.named("store").held().respond(String::toUpperCase).build();
        CompletableFuture<String> reply = remote.fetchAsync("latte");
        assertThat(reply).isNotDone();
        remote.release();
        assertThat(reply.join()).isEqualTo("LATTE");
    }

    @Test
    @DisplayName("cancelling an async call interrupts it, and the log shows the interrupt")
    void cancelInterrupts() {
        FakeRemote remote = FakeRemote.named("store").held().build();
        CompletableFuture<String> reply = remote.fetchAsync("slow");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> remote.log().calls() == 1);
        reply.cancel(true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> remote.log().sawInterrupt("slow"));
        assertThat(remote.log().endOf("slow")).get().extracting(CallEvent::kind).isEqualTo(CallEvent.Kind.INTERRUPTED);
    }

    @Test
    @DisplayName("an interrupted blocking call throws CancellationException and keeps the interrupt flag")
    void blockingInterrupt() {
        FakeRemote remote = FakeRemote.named("store").held().build();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> remote.fetch("x")).isInstanceOf(CancellationException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(remote.log().sawInterrupt("x")).isTrue();
    }

    @Test
    @DisplayName("settings are checked when they are made")
    void eagerChecks() {
        assertThatThrownBy(() -> FakeRemote.named("x").rendezvous(1))
                .hasMessage("a rendezvous needs at least 2 parties, but was 1");
        assertThatThrownBy(() -> FakeRemote.named("x").latency(Duration.ofMillis(-1)))
                .hasMessage("latency must not be negative, but was PT-0.001S");
    }
}
