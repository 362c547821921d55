package awaitlings.timeouts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     */
    public CompletableFuture<String> temperatureIn(String city, Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<String> reading = service.temperatureIn(city);
        // A race between the reading and an alarm on the timer: the first to complete the result decides it.
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            result.completeExceptionally(new TimeoutException(city + " is late"));
            // Does nothing when the reading came first.
            reading.cancel(true);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        reading.whenComplete((temperature, failure) -> {
            alarm.cancel(false);
            if (failure == null) {
                result.complete(temperature);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /**
     * Task 2 · like {@link #temperatureIn}, but a late station gives {@code fallback} instead of a timeout (and its
     * call is cancelled). A station that fails in time still fails the future with its own exception.
     */
    public CompletableFuture<String> temperatureOr(String city, Duration timeout, String fallback) {
        return temperatureIn(city, timeout).exceptionallyCompose(failure -> failure instanceof TimeoutException
                ? CompletableFuture.completedFuture(fallback)
                : CompletableFuture.failedFuture(failure));
    }

    /**
     * Task 3 · the board: every city asked at once; each reading that comes by {@code deadline} is kept, every other
     * city shows {@code fallback} (its late call cancelled), and so does a city whose station failed. The future is
     * ready when the last reading is in, or at the deadline, whichever comes first; it never fails.
     */
    public CompletableFuture<Map<String, String>> board(List<String> cities, Duration deadline, String fallback) {
        // Every city starts now, so a time limit of `deadline` for each is one deadline for the board.
        List<CompletableFuture<String>> readings = cities.stream()
                .map(city -> temperatureOr(city, deadline, fallback).exceptionally(failure -> fallback))
                .toList();
        return CompletableFuture.allOf(readings.toArray(CompletableFuture[]::new)).thenApply(allDone -> {
            Map<String, String> shown = new LinkedHashMap<>();
            for (int i = 0; i < cities.size(); i++) {
                shown.put(cities.get(i), readings.get(i).join());
            }
            return shown;
        });
    }
}
