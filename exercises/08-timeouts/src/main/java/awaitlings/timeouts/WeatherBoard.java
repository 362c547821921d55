package awaitlings.timeouts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A weather board that never waits for a late station: every reading gets a time limit, measured on the timer it
 * was given, like {@code asyncio.wait_for}. Every method returns its future at once and never waits.
 */
public class WeatherBoard {

    private final WeatherService service;
    private final ScheduledExecutorService timer;

    /**
     * @param service the weather stations
     * @param timer   the only clock to keep time with: schedule every time limit on it
     */
    public WeatherBoard(WeatherService service, ScheduledExecutorService timer) {
        this.service = service;
        this.timer = timer;
    }

    /**
     * Task 1 · the temperature in {@code city} if it comes within {@code timeout}. Otherwise the future fails with a
     * {@link java.util.concurrent.TimeoutException} when {@code timeout} has passed on the timer, and the late call
     * is cancelled. A station that fails in time fails the future with its own exception. A reading that comes in
     * time leaves no timer task behind.
     *
     * <pre>{@code board.temperatureIn("oslo", Duration.ofSeconds(8))   // "-3 °C" after 100 ms; "lima" fails at 8 s}</pre>
     */
    public CompletableFuture<String> temperatureIn(String city, Duration timeout) {
        // TODO: task 1 — ask the station, and schedule on the timer a task that, after `timeout`, fails your result
        //  with a TimeoutException and cancels the station's future. Whichever comes first decides the result:
        //  when the reading (or its failure) comes first, pass it on and cancel the timer task.
        throw new UnsupportedOperationException("Implement WeatherBoard.temperatureIn() — task 1");
    }

    /**
     * Task 2 · like {@link #temperatureIn}, but a late station gives {@code fallback} instead of a timeout (and its
     * call is cancelled). A station that fails in time still fails the future with its own exception.
     *
     * <pre>{@code board.temperatureOr("lima", Duration.ofSeconds(8), "n/a")   // "n/a" at 8 s}</pre>
     */
    public CompletableFuture<String> temperatureOr(String city, Duration timeout, String fallback) {
        // TODO: task 2 — build on task 1: turn a TimeoutException, and only that, into the fallback.
        throw new UnsupportedOperationException("Implement WeatherBoard.temperatureOr() — task 2");
    }

    /**
     * Task 3 · the board: every city asked at once; each reading that comes by {@code deadline} is kept, every other
     * city shows {@code fallback} (its late call cancelled), and so does a city whose station failed. The future is
     * ready when the last reading is in, or at the deadline, whichever comes first; it never fails.
     *
     * <pre>{@code board.board(List.of("oslo", "lima"), Duration.ofSeconds(8), "n/a")   // {oslo=-3 °C, lima=n/a} at 8 s}</pre>
     */
    public CompletableFuture<Map<String, String>> board(List<String> cities, Duration deadline, String fallback) {
        // TODO: task 3 — one reading per city with the fallback (task 2), a failure turned into the fallback too,
        //  then gather them as in exercise 06. A late city must not hold up, or wipe out, the readings in time.
        throw new UnsupportedOperationException("Implement WeatherBoard.board() — task 3");
    }
}
