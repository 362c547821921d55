package awaitlings.timeouts;

import java.util.concurrent.CompletableFuture;

/**
 * Weather stations over the network: each call returns a future at once and answers later, sometimes much later,
 * or fails. Cancelling the future stops the station's work on it. Given code: leave it as it is.
 */
@FunctionalInterface
public interface WeatherService {

    /** The temperature in {@code city}, e.g. {@code "oslo"} → {@code "-3 °C"}; fails if the station is down. */
    CompletableFuture<String> temperatureIn(String city);
}
