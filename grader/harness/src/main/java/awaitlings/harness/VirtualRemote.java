package awaitlings.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake remote service on virtual time: {@link #fetch} returns a future at once and answers it when the test's
 * {@link ManualScheduler} reaches the key's latency. No thread sleeps; a check knows to the millisecond when each
 * call started and ended ({@link #log()}), and which futures nobody awaited ({@link #tracker()}).
 *
 * <pre>{@code
 * ManualScheduler timer = new ManualScheduler();
 * VirtualRemote shops = VirtualRemote.named("price service").on(timer)
 *         .latency("shop-a", Duration.ofMillis(300)).failOn("shop-b", () -> new IllegalStateException("down")).build();
 * CompletableFuture<String> price = shops.fetch("shop-a");
 * timer.advanceTo(Duration.ofMillis(300));   // now it has answered
 * }</pre>
 */
public final class VirtualRemote {

    private final String name;
    private final ManualScheduler timer;
    private final Duration latency;
    private final Map<String, Duration> latencies;
    private final Map<String, Supplier<? extends RuntimeException>> failures;
    private final Map<String, Integer> failingAttempts;
    private final Function<String, String> responder;
    private final CallLog log;
    private final FutureTracker tracker = new FutureTracker();
    private final Map<String, Integer> attempts = new HashMap<>();

    private VirtualRemote(Builder b) {
        this.name = b.name;
        this.timer = Objects.requireNonNull(b.timer, "the scheduler: set it with on(timer)");
        this.latency = b.latency;
        this.latencies = Map.copyOf(b.latencies);
        this.failures = Map.copyOf(b.failures);
        this.failingAttempts = Map.copyOf(b.failingAttempts);
        this.responder = b.responder;
        this.log = new CallLog(timer.clock()::nanos);
    }

    /** Starts a fake called {@code name} (used in messages). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Starts a call for {@code key} and returns its future at once. It completes when the clock reaches the key's
     * latency, with the reply or the key's failure. Cancelling it cancels the call, and the log shows it.
     */
    public CompletableFuture<String> fetch(String key) {
        int attempt;
        synchronized (attempts) {
            attempt = attempts.merge(key, 1, Integer::sum);
        }
        AtomicBoolean settled = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> reply = new AtomicReference<>();
        TrackedFuture<String> future = tracker.track(key, () -> {
            if (settled.compareAndSet(false, true)) {
                log.ended(key, CallEvent.Kind.CANCELLED);
                reply.get().cancel(false);
            }
        });
        log.started(key);
        reply.set(timer.scheduleQuietly(() -> answer(key, attempt, future, settled), latencies.getOrDefault(key, latency)));
        return future;
    }

    private void answer(String key, int attempt, TrackedFuture<String> future, AtomicBoolean settled) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        // Logged before completing: the callbacks that completing runs may start the next calls.
        Supplier<? extends RuntimeException> failure = failures.get(key);
        if (failure != null && attempt <= failingAttempts.getOrDefault(key, Integer.MAX_VALUE)) {
            log.ended(key, CallEvent.Kind.FAILED);
            future.completeExceptionally(failure.get());
        } else {
            log.ended(key, CallEvent.Kind.RETURNED);
            future.complete(responder.apply(key));
        }
    }

    /** What this fake saw so far, in virtual time. */
    public CallLog log() {
        return log;
    }

    /** Every future this fake handed out, and whether anyone looked at it. */
    public FutureTracker tracker() {
        return tracker;
    }

    /** The name used in messages, e.g. {@code "price service"}. */
    public String name() {
        return name;
    }

    /** Sets up a {@link VirtualRemote}; every setting but the scheduler is optional. */
    public static final class Builder {
        private final String name;
        private ManualScheduler timer;
        private Duration latency = Duration.ofMillis(100);
        private final Map<String, Duration> latencies = new HashMap<>();
        private final Map<String, Supplier<? extends RuntimeException>> failures = new HashMap<>();
        private final Map<String, Integer> failingAttempts = new HashMap<>();
        private Function<String, String> responder = key -> "reply to " + key;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The scheduler whose virtual time the replies come on. */
        public Builder on(ManualScheduler timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** Every call takes this long unless its key has a latency of its own; 100 ms if not set. */
        public Builder latency(Duration latency) {
            this.latency = positive(latency);
            return this;
        }

        /** Calls for {@code key} take this long. */
        public Builder latency(String key, Duration latency) {
            latencies.put(key, positive(latency));
            return this;
        }

        /** Calls for {@code key} fail, at their latency, with the exception {@code failure} makes (a new one each time). */
        public Builder failOn(String key, Supplier<? extends RuntimeException> failure) {
            failures.put(key, Objects.requireNonNull(failure, "failure"));
            failingAttempts.remove(key);
            return this;
        }

        /** The first {@code attempts} calls for {@code key} fail with {@code failure}; the ones after succeed. */
        public Builder failFirst(String key, int attempts, Supplier<? extends RuntimeException> failure) {
            if (attempts < 1) {
                throw new IllegalArgumentException("at least one attempt must fail, but was " + attempts);
            }
            failures.put(key, Objects.requireNonNull(failure, "failure"));
            failingAttempts.put(key, attempts);
            return this;
        }

        /** How the fake answers a key; by default {@code "reply to <key>"}. */
        public Builder respond(Function<String, String> responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        public VirtualRemote build() {
            return new VirtualRemote(this);
        }

        private static Duration positive(Duration latency) {
            // A reply at zero would come before the caller could compose onto it: keep every reply in the future.
            if (latency.isNegative() || latency.isZero()) {
                throw new IllegalArgumentException("latency must be above zero, but was " + latency);
            }
            return latency;
        }
    }
}
