package awaitlings.timeouts;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.AsyncRules;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stations answer on virtual time: oslo at 100 ms, cairo at 300 ms, lima only after a minute. The time limit is
 * 8 s of the timer's time, which the checks move by hand: "at exactly 8 s" is exact, and nothing really waits.
 */
@DisplayName("08 · timeouts and fallbacks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherBoardTest {

    // The fixtures without `private` are shared with WeatherBoardHiddenTest (same package).
    static final Duration LIMIT = Duration.ofSeconds(8);
    static final String FALLBACK = "n/a";

    final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @DisplayName("task 1 · temperatureIn gives oslo's reading when it comes in time, at 100 ms")
    @Hint("Task 1: pass the station's reading on to your result when it comes: reading.whenComplete((temperature,"
            + " failure) -> ...) completes it.")
    void aReadingInTimeIsKept() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<String> oslo = NonBlocking.returnsFutureWhileHeld("temperatureIn(\"oslo\", 8 s)",
                () -> new WeatherBoard(stations::fetch, timer).temperatureIn("oslo", LIMIT));

        timer.advanceTo(Duration.ofMillis(99));
        boolean early = oslo.isDone();
        timer.advanceTo(Duration.ofMillis(100));

        assertThat(early).withFailMessage("Expecting temperatureIn(\"oslo\", 8 s) to be open until oslo answers at 100 ms,"
                + "%nbut it was already done at 99 ms: %s", oslo).isFalse();
        assertThat(Futures.settles(oslo)).withFailMessage("Expecting temperatureIn(\"oslo\", 8 s) to be done at 100 ms, when oslo"
                + " answered,%nbut it was still open: pass the reading on as soon as it comes.").isTrue();
        assertThat(Futures.valueOf("temperatureIn(\"oslo\", 8 s)", oslo)).isEqualTo("-3 °C");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 1 · when lima is late, temperatureIn fails with a TimeoutException at exactly 8 s, and cancels lima's call")
    @Hint("Task 1: timer.schedule(() -> { result.completeExceptionally(new TimeoutException(...)); reading.cancel(true); },"
            + " timeout.toMillis(), TimeUnit.MILLISECONDS) — on the timer you were given, not with orTimeout.")
    void aLateReadingTimesOut() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<String> lima = NonBlocking.returnsFutureWhileHeld("temperatureIn(\"lima\", 8 s)",
                () -> new WeatherBoard(stations::fetch, timer).temperatureIn("lima", LIMIT));

        settlesExactlyAtTheLimit("temperatureIn(\"lima\", 8 s)", lima, stations);
        Throwable failure = Futures.failureOf("temperatureIn(\"lima\", 8 s)", lima);

        assertThat(failure)
                .withFailMessage("Expecting temperatureIn(\"lima\", 8 s) to fail with a TimeoutException,%nbut it failed with%n"
                        + "    %s", failure)
                .isInstanceOf(TimeoutException.class);
        assertThat(stations).wasCancelled("lima");
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 2 · when lima is late, temperatureOr gives the fallback at exactly 8 s, and cancels lima's call")
    @Hint("Task 2: temperatureIn(city, timeout).exceptionallyCompose(failure -> failure instanceof TimeoutException"
            + " ? completedFuture(fallback) : failedFuture(failure)).")
    void aLateReadingGivesTheFallback() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<String> lima = NonBlocking.returnsFutureWhileHeld("temperatureOr(\"lima\", 8 s, \"n/a\")",
                () -> new WeatherBoard(stations::fetch, timer).temperatureOr("lima", LIMIT, FALLBACK));

        settlesExactlyAtTheLimit("temperatureOr(\"lima\", 8 s, \"n/a\")", lima, stations);

        assertThat(Futures.valueOf("temperatureOr(\"lima\", 8 s, \"n/a\")", lima)).isEqualTo(FALLBACK);
        assertThat(stations).wasCancelled("lima");
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · the board keeps oslo and cairo, shows the fallback for late lima, and is ready at the deadline, 8 s")
    @Hint("Task 3: give every city its own temperatureOr(city, deadline, fallback), all started now, and gather them."
            + " One timeout on the whole board would throw away the readings that came in time.")
    void theBoardKeepsWhatCameInTime() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<Map<String, String>> board = NonBlocking.returnsFutureWhileHeld("board(oslo, lima, cairo)",
                () -> new WeatherBoard(stations::fetch, timer).board(List.of("oslo", "lima", "cairo"), LIMIT, FALLBACK));

        settlesExactlyAtTheLimit("board(oslo, lima, cairo)", board, stations);
        Map<String, String> shown = Futures.valueOf("board(oslo, lima, cairo)", board);

        Map<String, String> expected = Map.of("oslo", "-3 °C", "lima", FALLBACK, "cairo", "31 °C");
        assertThat(shown)
                .withFailMessage(() -> String.format("Expecting the board to keep the readings that came in time and"
                        + " show the fallback for the late one:%n    %s%nbut it showed:%n    %s%nEach city needs its own"
                        + " time limit.%nTimeline (virtual time):%n%s", expected, shown, stations.log().timeline()))
                .isEqualTo(expected);
        assertThat(stations).wasCancelled("lima").wasNotCancelled("oslo").wasNotCancelled("cairo");
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("task 1 to 3 · time is kept only with the timer given: no orTimeout, completeOnTimeout or sleep, and no step on the common pool")
    @Hint("The JDK's orTimeout and completeOnTimeout keep time on a clock of their own; schedule the alarm with"
            + " timer.schedule(...) instead. And give every *Async step an executor: the timer is one.")
    void timeIsKeptOnlyWithTheGivenTimer() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<String> oslo = NonBlocking.returnsFutureWhileHeld("temperatureOr(\"oslo\", 8 s, \"n/a\")",
                () -> new WeatherBoard(stations::fetch, timer).temperatureOr("oslo", LIMIT, FALLBACK));
        timer.advanceTo(Duration.ofMillis(100));
        assertThat(Futures.valueOf("temperatureOr(\"oslo\", 8 s, \"n/a\")", oslo)).isEqualTo("-3 °C");

        AsyncRules.check(WeatherBoard.class, AsyncRules.USES_ONLY_THE_GIVEN_TIMER, AsyncRules.NO_DEFAULT_EXECUTOR);
    }

    // ---- the stations and the clock ------------------------------------------------------------------------------

    /** Oslo answers at 100 ms, cairo at 300 ms, lima after a minute. */
    static VirtualRemote.Builder stations(ManualScheduler timer) {
        Map<String, String> temperatures = Map.of("oslo", "-3 °C", "cairo", "31 °C", "lima", "19 °C", "berlin", "4 °C");
        return VirtualRemote.named("weather service").on(timer)
                .latency("oslo", Duration.ofMillis(100)).latency("berlin", Duration.ofMillis(200))
                .latency("cairo", Duration.ofMillis(300)).latency("lima", Duration.ofMinutes(1))
                .respond(city -> temperatures.getOrDefault(city, "no reading"));
    }

    /** Open at 7999 ms, and done at 8000 ms without any more virtual time. */
    void settlesExactlyAtTheLimit(String what, CompletableFuture<?> future, VirtualRemote stations) {
        timer.advanceTo(LIMIT.minusMillis(1));
        if (future.isDone()) {
            fail(String.format("Expecting %s to wait for lima until the time limit, 8000 ms,%nbut it was already done at"
                    + " 7999 ms: %s%nTimeline (virtual time):%n%s", what, future, stations.log().timeline()));
        }
        timer.advanceTo(LIMIT);
        if (!Futures.settles(future)) {
            fail(String.format("Expecting %s to be done at 8000 ms, when the time limit ran out,%n"
                    + "but it was still open then, waiting for lima (which answers after a minute).%n"
                    + "Schedule the time limit on the timer you were given: its clock is the one the checks move"
                    + " (orTimeout and completeOnTimeout run on the JDK's own clock).%nTimeline (virtual time):%n%s",
                    what, stations.log().timeline()));
        }
    }
}
