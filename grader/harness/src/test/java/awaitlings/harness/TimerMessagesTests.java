package awaitlings.harness;

import static awaitlings.harness.CallEvent.Kind.CANCELLED;
import static awaitlings.harness.CallEvent.Kind.RETURNED;
import static awaitlings.harness.CallEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the virtual-time messages a learner reads. */
@DisplayName("TimerMessages")
class TimerMessagesTests {

    private static final long MS = 1_000_000;

    static final CallLog CHAINED = CallLog.of(List.of(
            new CallEvent(STARTED, "a", "main", false, 0, 1),
            new CallEvent(RETURNED, "a", "virtual-timer", false, 300 * MS, 0),
            new CallEvent(STARTED, "b", "virtual-timer", false, 300 * MS, 1),
            new CallEvent(RETURNED, "b", "virtual-timer", false, 500 * MS, 0)));

    @Test
    @DisplayName("a blocked timer says when, for how long, and where")
    void blockedTimer() {
        assertThat(TimerMessages.shouldNotBlockTheTimer(Duration.ofMillis(100), Duration.ofSeconds(3), "    \"virtual-timer\" waiting"))
                .isEqualTo("""
                        Expecting every task on the timer to return at once, as callbacks on an event loop must,
                        but the task it ran at 100 ms (virtual time) was still running 3 s later: it waits for something\
                         (join(), get(), sleep()) that only a later timer task could bring.
                        Compose the next step onto the future instead of waiting for it.
                        The timer was here:
                            "virtual-timer" waiting""");
    }

    @Test
    @DisplayName("calls chained one after another, with the virtual timeline")
    void chained() {
        assertThat(TimerMessages.shouldHaveRunConcurrently("price service", CHAINED, 2)).isEqualTo("""
                Expecting 2 calls to the price service in flight at once,
                but 2 calls took 500 ms of virtual time with at most 1 in flight: each call started only after the one\
                 before had answered. Start all, then combine their futures.
                Timeline (virtual time):
                    your run            0ms         100ms       200ms       300ms       400ms
                    a  [main]           ████████████████████████████████████
                    b  [virtual-timer]                                      ████████████████████████
                    peak in flight 1 · span 500 ms   expected: 2 in flight""");
    }

    @Test
    @DisplayName("too few calls, and some that waited, are named as such")
    void fewAndPartly() {
        assertThat(TimerMessages.shouldHaveRunConcurrently("price service", CHAINED, 3))
                .contains("at most 1 in flight: only 2 of the 3 calls were made. Make one call per item.");
        CallLog partly = CallLog.of(List.of(
                new CallEvent(STARTED, "a", "main", false, 0, 1),
                new CallEvent(STARTED, "b", "main", false, 0, 2),
                new CallEvent(RETURNED, "a", "virtual-timer", false, 100 * MS, 1),
                new CallEvent(STARTED, "c", "virtual-timer", false, 100 * MS, 2)));
        assertThat(TimerMessages.shouldHaveRunConcurrently("price service", partly, 3))
                .contains("at most 2 in flight: some started only after others had answered. Start all 3 before you wait for any.");
    }

    @Test
    @DisplayName("a broken limit, start times, and cancels")
    void limitStartsCancels() {
        CallLog cancelled = CallLog.of(List.of(
                new CallEvent(STARTED, "slow", "main", false, 0, 1),
                new CallEvent(CANCELLED, "slow", "virtual-timer", false, 500 * MS, 0)));
        assertThat(TimerMessages.shouldNeverExceed("mirror", CHAINED, 0)).isEqualTo("""
                Expecting at most 0 calls to the mirror in flight at once,
                but 1 were in flight at one moment: the limit was not kept.
                Timeline:
                    your run            0ms         100ms       200ms       300ms       400ms
                    a  [main]           ████████████████████████████████████
                    b  [virtual-timer]                                      ████████████████████████
                    peak in flight 1 · span 500 ms   expected: at most 0 in flight""");
        assertThat(TimerMessages.shouldHaveStartedAt("stock service", "mug", List.of(Duration.ZERO, Duration.ofMillis(150)),
                List.of(Duration.ZERO), cancelled)).startsWith("""
                Expecting the calls stock service(mug) to start at 0 ms, 150 ms (virtual time),
                but they started at 0 ms.
                Timeline (virtual time):""");
        assertThat(TimerMessages.shouldHaveStartedAt("s", "k", List.of(), List.of(), cancelled)).contains("at (none) (virtual time)");
        assertThat(TimerMessages.shouldHaveBeenCancelled("weather service", "oslo", cancelled)).isEqualTo("""
                Expecting weather service(oslo) to be cancelled once its answer was no longer wanted,
                but it was left running: cancel the future of a call you gave up on.
                Timeline (virtual time):
                    your run      0ms         100ms       200ms       300ms       400ms
                    slow  [main]  ████████████████████████████████████████████████████████████⊘
                    peak in flight 1 · span 500 ms
                    ⊘ interrupted or cancelled""");
        assertThat(TimerMessages.shouldNotHaveBeenCancelled("weather service", "oslo", cancelled)).startsWith("""
                Expecting weather service(oslo) to be left alone, because its answer was still wanted,
                but it was cancelled.
                Timeline (virtual time):""");
    }
}
