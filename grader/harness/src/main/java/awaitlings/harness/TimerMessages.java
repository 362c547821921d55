package awaitlings.harness;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The messages of the virtual clock, the manual scheduler and the fakes that run on them. */
final class TimerMessages {

    private TimerMessages() {
    }

    static String shouldNotBlockTheTimer(Duration now, Duration patience, String where) {
        return String.format("Expecting every task on the timer to return at once, as callbacks on an event loop must,%n"
                        + "but the task it ran at %d ms (virtual time) was still running %d s later: it waits for something"
                        + " (join(), get(), sleep()) that only a later timer task could bring.%n"
                        + "Compose the next step onto the future instead of waiting for it.%n"
                        + "The timer was here:%n%s",
                now.toMillis(), patience.toSeconds(), where);
    }

    static String shouldHaveRunConcurrently(String remote, CallLog log, int expected) {
        String meaning = log.calls() < expected
                ? String.format("only %d of the %d calls were made. Make one call per item.", log.calls(), expected)
                : log.peakInFlight() <= 1
                        ? "each call started only after the one before had answered. Start all, then combine their futures."
                        : String.format("some started only after others had answered. Start all %d before you wait for any.",
                                expected);
        return String.format("Expecting %d calls to the %s in flight at once,%n"
                        + "but %d calls took %d ms of virtual time with at most %d in flight: %s%nTimeline (virtual time):%n%s",
                expected, remote, log.calls(), log.span().toMillis(), log.peakInFlight(), meaning,
                log.timeline(expected + " in flight"));
    }

    static String shouldNeverExceed(String remote, CallLog log, int limit) {
        return String.format("Expecting at most %d calls to the %s in flight at once,%n"
                        + "but %d were in flight at one moment: the limit was not kept.%nTimeline:%n%s",
                limit, remote, log.peakInFlight(), log.timeline("at most " + limit + " in flight"));
    }

    static String shouldHaveStartedAt(String remote, String key, List<Duration> expected, List<Duration> actual, CallLog log) {
        return String.format("Expecting the calls %s(%s) to start at %s (virtual time),%nbut they started at %s.%n"
                        + "Timeline (virtual time):%n%s",
                remote, key, millis(expected), millis(actual), log.timeline());
    }

    static String shouldHaveBeenCancelled(String remote, String key, CallLog log) {
        return String.format("Expecting %s(%s) to be cancelled once its answer was no longer wanted,%n"
                        + "but it was left running: cancel the future of a call you gave up on.%nTimeline (virtual time):%n%s",
                remote, key, log.timeline());
    }

    static String shouldNotHaveBeenCancelled(String remote, String key, CallLog log) {
        return String.format("Expecting %s(%s) to be left alone, because its answer was still wanted,%n"
                        + "but it was cancelled.%nTimeline (virtual time):%n%s",
                remote, key, log.timeline());
    }

    static String millis(List<Duration> times) {
        return times.isEmpty() ? "(none)" : times.stream().map(t -> t.toMillis() + " ms").collect(Collectors.joining(", "));
    }
}
