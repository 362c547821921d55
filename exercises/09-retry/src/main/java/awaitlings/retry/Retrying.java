package awaitlings.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
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
     *
     * <pre>{@code retrying.stockOr("mug", "unknown", log::add)   // "unknown", and log holds the service's exception}</pre>
     */
    public CompletableFuture<String> stockOr(String item, String fallback, Consumer<Throwable> errors) {
        // TODO: task 1 — when the service's future fails, report its exception to errors and give the fallback.
        throw new UnsupportedOperationException("Implement Retrying.stockOr() — task 1");
    }

    /**
     * Task 2 and 3 · the stock of {@code item}, asking the service up to {@code attempts} times in all. After the
     * first failure it waits {@code firstDelay} on the timer before asking again, after the second twice that, then
     * four times, and so on. The first answer completes the future. When every attempt has failed, the future fails
     * with the last attempt's own exception, and the service is not asked again.
     *
     * <pre>{@code retrying.withRetries("mug", 5, Duration.ofMillis(100))   // asks at 0, then after 100, 200, 400 … ms of backoff}</pre>
     */
    public CompletableFuture<String> withRetries(String item, int attempts, Duration firstDelay) {
        // TODO: task 2 — ask the service; when that fails and attempts are left, schedule the next attempt on the
        //  timer after the backoff (which doubles each time), never with Thread.sleep.
        // TODO: task 3 — when the last attempt fails, fail the result with that attempt's own exception.
        throw new UnsupportedOperationException("Implement Retrying.withRetries() — tasks 2 and 3");
    }
}
