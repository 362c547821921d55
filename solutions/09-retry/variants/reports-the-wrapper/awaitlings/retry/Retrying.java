package awaitlings.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Asks a flaky inventory service and deals with its failures: handled, never swallowed, and retried with an
 * exponential backoff that waits on the timer it was given. Every method returns its future at once.
 */
public class Retrying {

    private final InventoryService service;
    private final ScheduledExecutorService timer;

    /**
     * @param service the flaky inventory service
     * @param timer   the only clock to wait with: schedule every backoff on it
     */
    public Retrying(InventoryService service, ScheduledExecutorService timer) {
        this.service = service;
        this.timer = timer;
    }

    /**
     * Task 1 · the stock of {@code item}, or {@code fallback} when the service fails. A failure is handled, not
     * swallowed: the service's own exception (not a wrapper around it) is reported to {@code errors}, once. When the
     * service answers, nothing is reported.
     */
    public CompletableFuture<String> stockOr(String item, String fallback, Consumer<Throwable> errors) {
        // On the service's own future, exceptionally sees the service's exception unwrapped.
        return service.stockOf(item).thenApply(String::strip).exceptionally(failure -> {
            errors.accept(failure);
            return fallback;
        });
    }

    /**
     * Task 2 and 3 · the stock of {@code item}, asking the service up to {@code attempts} times in all. After the
     * first failure it waits {@code firstDelay} on the timer before asking again, after the second twice that, then
     * four times, and so on. The first answer completes the future. When every attempt has failed, the future fails
     * with the last attempt's own exception, and the service is not asked again.
     */
    public CompletableFuture<String> withRetries(String item, int attempts, Duration firstDelay) {
        CompletableFuture<String> result = new CompletableFuture<>();
        attempt(item, 1, attempts, firstDelay, result);
        return result;
    }

    private void attempt(String item, int attempt, int attempts, Duration backoff, CompletableFuture<String> result) {
        service.stockOf(item).whenComplete((stock, failure) -> {
            if (failure == null) {
                result.complete(stock);
            } else if (attempt == attempts) {
                result.completeExceptionally(failure);
            } else {
                // The wait is a task on the timer, not a sleeping thread: nothing is held while it passes.
                timer.schedule(() -> attempt(item, attempt + 1, attempts, backoff.multipliedBy(2), result),
                        backoff.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }
}
