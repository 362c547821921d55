package awaitlings.harness;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("VirtualRemote and FutureTracker")
class VirtualRemoteTests {

    private final ManualScheduler timer = new ManualScheduler();

    private VirtualRemote.Builder remote() {
        return VirtualRemote.named("price service").on(timer);
    }

    @Test
    @DisplayName("a call answers at its key's latency in virtual time, and the log shows exact times")
    void latencies() {
        VirtualRemote remote = remote().latency("slow", Duration.ofMillis(300)).build();
        CompletableFuture<String> slow = remote.fetch("slow");
        CompletableFuture<String> fast = remote.fetch("fast");

        timer.advanceTo(Duration.ofMillis(100));
        assertThat(fast).isCompletedWithValue("reply to fast");
        assertThat(slow).isNotDone();
        timer.advanceTo(Duration.ofMillis(300));
        assertThat(slow).isCompletedWithValue("reply to slow");

        assertThat(remote.log().peakInFlight()).isEqualTo(2);
        assertThat(remote.log().endOf("slow")).get().extracting(CallEvent::millis).isEqualTo(300L);
        assertThat(remote).ranConcurrently(2).wasCalled(2).startedAt("slow", Duration.ZERO).neverMoreInFlightThan(2);
    }

    @Test
    @DisplayName("failOn fails every call for a key; failFirst only the first ones")
    void failures() {
        VirtualRemote remote = remote().failOn("down", () -> new IllegalStateException("down"))
                .failFirst("flaky", 2, () -> new IllegalStateException("flaky")).respond(String::toUpperCase).build();
        List<CompletableFuture<String>> calls = List.of(remote.fetch("down"), remote.fetch("flaky"), remote.fetch("flaky"),
                remote.fetch("flaky"));
        timer.advanceBy(Duration.ofMillis(100));
        assertThat(calls.get(0)).isCompletedExceptionally();
        assertThat(calls.get(1)).isCompletedExceptionally();
        assertThat(calls.get(2)).isCompletedExceptionally();
        assertThat(calls.get(3)).isCompletedWithValue("FLAKY");
        assertThat(remote.log().endOf("down")).get().extracting(CallEvent::kind).isEqualTo(CallEvent.Kind.FAILED);
    }

    @Test
    @DisplayName("a cancelled call is logged as cancelled and never answers")
    void cancel() {
        VirtualRemote remote = remote().build();
        CompletableFuture<String> call = remote.fetch("x");
        timer.advanceBy(Duration.ofMillis(40));
        assertThat(call.cancel(true)).isTrue();
        timer.advanceBy(Duration.ofSeconds(1));

        assertThat(call).isCancelled();
        assertThat(remote.log().events()).extracting(CallEvent::kind, CallEvent::millis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallEvent.Kind.STARTED, 0L),
                        org.assertj.core.groups.Tuple.tuple(CallEvent.Kind.CANCELLED, 40L));
        assertThat(remote).wasCancelled("x");
        assertThatThrownBy(() -> assertThat(remote).wasNotCancelled("x"))
                .hasMessageStartingWith("Expecting price service(x) to be left alone");
    }

    @Test
    @DisplayName("the tracker names fetches nobody awaited and failures nobody looked at, and only those")
    void tracker() {
        VirtualRemote remote = remote().failOn("b", () -> new IllegalStateException("b down"))
                .failOn("d", () -> new IllegalStateException("d down")).build();
        CompletableFuture<String> a = remote.fetch("a");
        remote.fetch("b");
        remote.fetch("c");
        CompletableFuture<String> d = remote.fetch("d");
        CompletableFuture<String> composedBefore = a.thenApply(String::length).thenApply(String::valueOf);
        timer.advanceBy(Duration.ofMillis(100));
        d.handle((value, failure) -> failure);

        assertThat(composedBefore).isDone();
        assertThat(remote.tracker().size()).isEqualTo(4);
        assertThat(remote.tracker().unobserved()).containsExactly(
                "fetch #2 (b) failed and nobody looked",
                "fetch #3 (c) was started but never awaited");
        assertThatThrownBy(() -> assertThat(remote).observedEveryFetch())
                .hasMessageContaining("    fetch #2 (b) failed and nobody looked" + System.lineSeparator()
                        + "    fetch #3 (c) was started but never awaited");
    }

    @Test
    @DisplayName("the tracker sees waits, allOf, thenCombine's other side and cancels as looking")
    void trackerSeesEveryWayOfLooking() {
        VirtualRemote remote = remote().build();
        CompletableFuture<String> joined = remote.fetch("joined");
        CompletableFuture<String> all = remote.fetch("all");
        CompletableFuture<String> other = remote.fetch("other");
        CompletableFuture<String> cancelled = remote.fetch("cancelled");
        CompletableFuture<Void> allOf = CompletableFuture.allOf(all);
        CompletableFuture<String> combined = CompletableFuture.completedFuture("x").thenCombine(other, String::concat);
        cancelled.cancel(false);
        timer.advanceBy(Duration.ofMillis(100));
        joined.join();

        assertThat(allOf).isDone();
        assertThat(combined).isCompletedWithValue("xreply to other");
        assertThat(remote.tracker().unobserved()).isEmpty();
        assertThat(remote).observedEveryFetch();
    }

    @Test
    @DisplayName("settings are checked when they are made")
    void eagerChecks() {
        assertThatThrownBy(() -> remote().latency(Duration.ZERO)).hasMessage("latency must be above zero, but was PT0S");
        assertThatThrownBy(() -> remote().failFirst("k", 0, IllegalStateException::new))
                .hasMessage("at least one attempt must fail, but was 0");
        assertThatThrownBy(() -> VirtualRemote.named("x").build()).hasMessage("the scheduler: set it with on(timer)");
    }
}
