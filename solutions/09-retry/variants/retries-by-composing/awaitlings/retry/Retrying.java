package awaitlings.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Correct, in another style: each retry composed with exceptionallyCompose onto a future that the timer completes. */
public class Retrying {

    private final InventoryService service;
    private final ScheduledExecutorService timer;

    public Retrying(InventoryService service, ScheduledExecutorService timer) {
        this.service = service;
        this.timer = timer;
    }

    public CompletableFuture<String> stockOr(String item, String fallback, Consumer<Throwable> errors) {
        return service.stockOf(item).handle((stock, failure) -> {
            if (failure == null) {
                return stock;
            }
            errors.accept(failure);
            return fallback;
        });
    }

    public CompletableFuture<String> withRetries(String item, int attempts, Duration firstDelay) {
        CompletableFuture<String> attempt = service.stockOf(item);
        if (attempts == 1) {
            return attempt;
        }
        return attempt.exceptionallyCompose(failure -> after(firstDelay)
                .thenCompose(waited -> withRetries(item, attempts - 1, firstDelay.multipliedBy(2))));
    }

    private CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> waited = new CompletableFuture<>();
        timer.schedule(() -> waited.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return waited;
    }
}
