package awaitlings.timeouts;

import static awaitlings.timeouts.WeatherBoardTest.FALLBACK;
import static awaitlings.timeouts.WeatherBoardTest.LIMIT;
import static awaitlings.timeouts.WeatherBoardTest.stations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallLog;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.ManualScheduler;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.VirtualRemote;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("08 · timeouts and fallbacks · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherBoardHiddenTest {

    private final ManualScheduler timer = new ManualScheduler();

    @Test
    @Order(1)
    @DisplayName("task 1 · a reading that comes in time leaves no timer task behind")
    @Hint("Task 1: keep the ScheduledFuture that timer.schedule returns, and cancel it when the reading comes first.")
    void aReadingInTimeLeavesNoTimer() {
        VirtualRemote stations = stations(timer).build();
        CompletableFuture<String> oslo = NonBlocking.returnsFutureWhileHeld("temperatureIn(\"oslo\", 8 s)",
                () -> new WeatherBoard(stations::fetch, timer).temperatureIn("oslo", LIMIT));

        timer.advanceTo(Duration.ofMillis(100));
        assertThat(Futures.valueOf("temperatureIn(\"oslo\", 8 s)", oslo)).isEqualTo("-3 °C");

        assertThat(timer.pending())
                .withFailMessage("Expecting no timer task left once oslo's reading was in,%nbut %d %s still scheduled"
                        + " (to run at 8 s): cancel the alarm when the reading comes first. A busy server would pile up"
                        + " one task per request.%nTimeline (virtual time):%n%s", timer.pending(), timer.pending() == 1 ? "was" : "were",
                        CallLog.timelineOfAllUntilNow(List.of(stations.log(), timer.tasks())))
                .isZero();
    }

    @Test
    @Order(2)
    @DisplayName("task 1 and 2 · a station that fails in time fails the future with its own exception, not a timeout and not the fallback")
    @Hint("Task 2: turn only a TimeoutException into the fallback; any other failure passes on as it is.")
    void aFailureInTimePassesOn() {
        IllegalStateException down = new IllegalStateException("station cairo is down");
        VirtualRemote stations = stations(timer).failOn("cairo", () -> down).build();
        WeatherBoard board = new WeatherBoard(stations::fetch, timer);
        CompletableFuture<String> plain = NonBlocking.returnsFutureWhileHeld("temperatureIn(\"cairo\", 8 s)", () -> board.temperatureIn("cairo", LIMIT));
        CompletableFuture<String> orFallback = NonBlocking.returnsFutureWhileHeld("temperatureOr(\"cairo\", 8 s, \"n/a\")",
                () -> board.temperatureOr("cairo", LIMIT, FALLBACK));

        timer.advanceTo(Duration.ofMillis(300));
        if (!Futures.settles(plain) || !Futures.settles(orFallback)) {
            fail(String.format("Expecting temperatureIn and temperatureOr to fail at 300 ms, when cairo failed,%n"
                    + "but temperatureIn was %s and temperatureOr %s then: pass a failure on as soon as it comes.",
                    plain, orFallback));
        }
        for (var call : Map.of("temperatureIn(\"cairo\", 8 s)", plain, "temperatureOr(\"cairo\", 8 s, \"n/a\")", orFallback).entrySet()) {
            Throwable failure = Futures.failureOf(call.getKey(), call.getValue());
            assertThat(failure)
                    .withFailMessage("Expecting %s to fail with the station's own exception%n    %s%nbut it failed with%n"
                            + "    %s%nThe fallback is for a late station; a failure must not be hidden.", call.getKey(), down, failure)
                    .isSameAs(down);
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 3 · a board whose stations all answer in time is ready when the last one answers (300 ms), and a failed station shows the fallback")
    @Hint("Task 3: gather the readings with allOf, so the board is ready when the last one is; turn a failure into the"
            + " fallback per city with exceptionally(failure -> fallback).")
    void aBoardInTimeIsReadyWithTheLastReading() {
        VirtualRemote stations = stations(timer).failOn("berlin", () -> new IllegalStateException("station berlin is down")).build();
        CompletableFuture<Map<String, String>> board = NonBlocking.returnsFutureWhileHeld("board(oslo, berlin, cairo)",
                () -> new WeatherBoard(stations::fetch, timer).board(List.of("oslo", "berlin", "cairo"), LIMIT, FALLBACK));

        timer.advanceTo(Duration.ofMillis(299));
        boolean early = board.isDone();
        timer.advanceTo(Duration.ofMillis(300));
        if (early || !Futures.settles(board)) {
            fail(String.format("Expecting the board to be ready at 300 ms, when cairo, the last, answered (not before, not"
                    + " at the deadline),%nbut at %s it was %s.", early ? "299 ms" : "300 ms", board));
        }
        Map<String, String> shown = Futures.valueOf("board(oslo, berlin, cairo)", board);
        Map<String, String> expected = Map.of("oslo", "-3 °C", "berlin", FALLBACK, "cairo", "31 °C");
        assertThat(shown)
                .withFailMessage("Expecting the board to show the fallback for berlin, whose station failed:%n    %s%n"
                        + "but it showed:%n    %s", expected, shown)
                .isEqualTo(expected);
    }
}
