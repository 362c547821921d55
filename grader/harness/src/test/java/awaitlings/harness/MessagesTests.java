package awaitlings.harness;

import static awaitlings.harness.CallEvent.Kind.RETURNED;
import static awaitlings.harness.CallEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the messages a learner reads. */
@DisplayName("Messages")
class MessagesTests {

    private static final long MS = 1_000_000;

    private static final CallLog SEQUENTIAL = CallLog.of(List.of(
            new CallEvent(STARTED, "a", "main", false, 0, 1),
            new CallEvent(RETURNED, "a", "main", false, 200 * MS, 0),
            new CallEvent(STARTED, "b", "main", false, 201 * MS, 1),
            new CallEvent(RETURNED, "b", "main", false, 402 * MS, 0),
            new CallEvent(STARTED, "c", "main", false, 403 * MS, 1),
            new CallEvent(RETURNED, "c", "main", false, 610 * MS, 0)));

    @Test
    @DisplayName("calls that ran one after another: measured, meaning, and the timeline")
    void sequentialWhereConcurrentExpected() {
        assertThat(Messages.shouldHaveRunConcurrently("barista", Duration.ofMillis(200), SEQUENTIAL, 3)).isEqualTo("""
                Expecting 3 calls to the barista in flight at once,
                but 3 calls of 200 ms took 610 ms with at most 1 in flight: they ran one after another. Start all, then join.
                Timeline:
                    your run   0ms                 200ms              400ms
                    a  [main]  ████████████████████
                    b  [main]                      ████████████████████
                    c  [main]                                          ████████████████████
                    peak in flight 1 · span 610 ms   expected: 3 in flight""");
    }

    @Test
    @DisplayName("a rendezvous that nobody joined explains the first call's wait")
    void rendezvousExplained() {
        assertThat(Messages.shouldHaveRunConcurrently("barista", Duration.ofMillis(200), SEQUENTIAL, 3, Duration.ofSeconds(1)))
                .contains(String.format("Start all, then join.%n"
                        + "(The barista held the first call up to 1000 ms for the others to arrive; they did not.)%nTimeline:"));
    }

    @Test
    @DisplayName("too few calls are named as such")
    void tooFewCalls() {
        CallLog one = CallLog.of(List.of(
                new CallEvent(STARTED, "a", "pool-1-thread-1", false, 0, 1),
                new CallEvent(RETURNED, "a", "pool-1-thread-1", false, 100 * MS, 0)));
        assertThat(Messages.shouldHaveRunConcurrently("barista", Duration.ofMillis(100), one, 3)).startsWith("""
                Expecting 3 calls to the barista in flight at once,
                but 1 calls of 100 ms took 100 ms with at most 1 in flight: only 1 of the 3 calls were made. Make one call per item.""");
    }

    @Test
    @DisplayName("a dependent call that started too early names both calls")
    void dependentStartedEarly() {
        assertThat(Messages.shouldHaveFinishedBeforeStarting("shop", CallLog.of(List.of()), "user", "cart")).isEqualTo("""
                Expecting shop(user) to end before shop(cart) starts, because the second needs the first's result,
                but shop(cart) started while shop(user) was still running: compose the second onto the first.
                Timeline:
                    (no calls)""");
    }

    @Test
    @DisplayName("a leaked thread is named, with what keeps it alive")
    void leakedThread() {
        assertThat(Messages.shouldNotLeakThreads(List.of("    \"pool-1-thread-1\" waiting"), Duration.ofSeconds(2))).isEqualTo("""
                Expecting every thread started during this check to be gone when it was over,
                but 1 was still alive 2000 ms later:
                    "pool-1-thread-1" waiting
                What runs a thread (an executor, an event loop) keeps it alive until it is shut down or closed.""");
        assertThat(Messages.shouldNotLeakThreads(List.of("    \"a\" waiting", "    \"b\" waiting"), Duration.ofSeconds(2)))
                .contains("but 2 were still alive 2000 ms later:");
    }

    @Test
    @DisplayName("a leak has its own hint, about shutting down what the code created")
    void leakHint() {
        assertThat(Messages.leakHint()).isEqualTo("Shut down every executor and close every event loop your code creates,"
                + " once its work is done and also when it fails: try-with-resources, or a finally block.");
    }

    @Test
    @DisplayName("a failed clean-up says that the check passed, what the clean-up was, and what it threw")
    void cleanUpFailed() {
        assertThat(Messages.cleanUpFailed("closing the shared loop", new IllegalStateException("already closed"))).isEqualTo("""
                This check passed, but the clean-up after it (closing the shared loop) failed with
                    IllegalStateException: already closed""");
    }

    @Test
    @DisplayName("a call that waited for a held reply says where it waited")
    void waitedForReply() {
        assertThat(Messages.shouldReturnWithoutWaiting("order(\"latte\")", Duration.ofSeconds(3), "    \"t\" waiting")).isEqualTo("""
                Expecting order("latte") to return at once, before the reply exists,
                but it was still running after 3000 ms while the reply was held back: it waits for the reply.
                Return the future right away and let the caller decide when to wait.
                Your code was here:
                    "t" waiting""");
    }
}
