package awaitlings.timeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Correct, in another style: the reading races an alarm future with applyToEither; handle() picks the fallback. */
public class WeatherBoard {

    private final WeatherService service;
    private final ScheduledExecutorService timer;

    public WeatherBoard(WeatherService service, ScheduledExecutorService timer) {
        this.service = service;
        this.timer = timer;
    }

    public CompletableFuture<String> temperatureIn(String city, Duration timeout) {
        CompletableFuture<String> reading = service.temperatureIn(city);
        CompletableFuture<String> alarm = new CompletableFuture<>();
        ScheduledFuture<?> ring = timer.schedule(() -> alarm.completeExceptionally(new TimeoutException(city + " is late")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return reading.applyToEither(alarm, temperature -> temperature).whenComplete((temperature, failure) -> {
            ring.cancel(false);
            if (failure != null && failure.getCause() instanceof TimeoutException) {
                reading.cancel(true);
            }
        }).handle((temperature, failure) -> {
            if (failure == null) {
                return temperature;
            }
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
        });
    }

    public CompletableFuture<String> temperatureOr(String city, Duration timeout, String fallback) {
        return temperatureIn(city, timeout).handle((temperature, failure) -> {
            if (failure == null) {
                return temperature;
            }
            if (failure.getCause() instanceof TimeoutException) {
                return fallback;
            }
            throw (CompletionException) failure;
        });
    }

    public CompletableFuture<Map<String, String>> board(List<String> cities, Duration deadline, String fallback) {
        List<CompletableFuture<String>> readings = new ArrayList<>();
        for (String city : cities) {
            readings.add(temperatureOr(city, deadline, fallback).handle((temperature, failure) -> failure == null ? temperature : fallback));
        }
        CompletableFuture<Map<String, String>> shown = CompletableFuture.completedFuture(new LinkedHashMap<>());
        for (int i = 0; i < cities.size(); i++) {
            String city = cities.get(i);
            shown = shown.thenCombine(readings.get(i), (map, temperature) -> {
                map.put(city, temperature);
                return map;
            });
        }
        return shown;
    }
}
