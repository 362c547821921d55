package awaitlings.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fake remote service for "fetches": a blocking {@link #fetch} and an async {@link #fetchAsync},
 * with a set latency, injected failures, and a {@link CallLog} of every call.
 *
 * <pre>{@code
 * FakeRemote barista = FakeRemote.named("barista").latency(Duration.ofMillis(200)).rendezvous(3).build();
 * Function<String, String> brew = barista::fetch;
 * ...
 * assertThat(barista.log().peakInFlight()).isEqualTo(3);
 * }</pre>
 */
public final class FakeRemote {

    /** How long an un-released {@link Builder#held() held} call waits before it gives up. */
    static final Duration HOLD_GUARD = Duration.ofSeconds(30);

    private final String name;
    private final Duration latency;
    private final Rendezvous rendezvous;
    private final Duration rendezvousGuard;
    private final CountDownLatch release;
    private final Map<String, Supplier<? extends RuntimeException>> failures;
    private final Function<String, String> responder;
    private final CallLog log = new CallLog();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService io;

    private FakeRemote(Builder b) {
        this.name = b.name;
        this.latency = b.latency;
        this.rendezvous = b.parties > 1 ? new Rendezvous(b.parties, b.rendezvousGuard) : null;
        this.rendezvousGuard = b.parties > 1 ? b.rendezvousGuard : Duration.ZERO;
        this.release = new CountDownLatch(b.held ? 1 : 0);
        this.failures = Map.copyOf(b.failures);
        this.responder = b.responder;
        this.io = Executors.newCachedThreadPool(ToolThreads.factory(name + "-io-"));
    }

    /** Starts a fake called {@code name} (used in messages), with no latency until you set one. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The blocking call: waits for the latency, then returns the reply for {@code key} or throws its failure. */
    public String fetch(String key) {
        requests.incrementAndGet();
        return call(key);
    }

    private String call(String key) {
        log.started(key);
        try {
            if (!release.await(HOLD_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                log.ended(key, CallEvent.Kind.FAILED);
                throw new IllegalStateException(name + ".fetch(" + key + ") was held and never released by the test");
            }
            if (rendezvous != null) {
                rendezvous.arrive();
            }
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            log.ended(key, CallEvent.Kind.INTERRUPTED);
            Thread.currentThread().interrupt();
            throw new CancellationException(name + ".fetch(" + key + ") was interrupted");
        }
        Supplier<? extends RuntimeException> failure = failures.get(key);
        if (failure != null) {
            log.ended(key, CallEvent.Kind.FAILED);
            throw failure.get();
        }
        log.ended(key, CallEvent.Kind.RETURNED);
        return responder.apply(key);
    }

    /**
     * The async call: returns at once with a future of {@link #fetch}'s result, computed on the fake's own threads.
     * Cancelling the future interrupts the call, and the log shows it.
     */
    public CompletableFuture<String> fetchAsync(String key) {
        requests.incrementAndGet();
        CompletableFuture<String> result = new CompletableFuture<>();
        Future<?> work = io.submit(() -> {
            try {
                result.complete(call(key));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                work.cancel(true);
            }
        });
        return result;
    }

    /**
     * How many calls were asked for so far, counted the moment {@link #fetch} or {@link #fetchAsync} was called;
     * an async call may not have started yet, so the {@link #log()} can show fewer.
     */
    public int requests() {
        return requests.get();
    }

    /** Lets every held call go on (see {@link Builder#held()}). */
    public void release() {
        release.countDown();
    }

    /** What this fake saw so far. */
    public CallLog log() {
        return log;
    }

    /** The name used in messages, e.g. {@code "barista"}. */
    public String name() {
        return name;
    }

    /** How long a call waits at the rendezvous for the others, or zero when there is none. */
    Duration rendezvousGuard() {
        return rendezvousGuard;
    }

    /** How long each call takes once it may go on. */
    public Duration latency() {
        return latency;
    }

    /** Sets up a {@link FakeRemote}; every setting is optional. */
    public static final class Builder {
        private final String name;
        private Duration latency = Duration.ZERO;
        private int parties;
        private Duration rendezvousGuard = Duration.ofSeconds(1);
        private boolean held;
        private final Map<String, Supplier<? extends RuntimeException>> failures = new HashMap<>();
        private Function<String, String> responder = key -> "reply to " + key;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Each call takes this long; keep it short (about 100–300 ms). */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, but was " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * Each call waits until {@code parties} calls have arrived (or one second has passed) before its latency,
         * so that a peak-in-flight proof survives a loaded machine.
         */
        public Builder rendezvous(int parties) {
            if (parties < 2) {
                throw new IllegalArgumentException("a rendezvous needs at least 2 parties, but was " + parties);
            }
            this.parties = parties;
            return this;
        }

        Builder rendezvousGuard(Duration guard) {
            this.rendezvousGuard = guard;
            return this;
        }

        /** Every call waits until the test calls {@link FakeRemote#release()}: "the coffee is not ready yet". */
        public Builder held() {
            this.held = true;
            return this;
        }

        /** Calls for {@code key} fail with the exception that {@code failure} makes (a new one each time). */
        public Builder failOn(String key, Supplier<? extends RuntimeException> failure) {
            failures.put(key, failure);
            return this;
        }

        /** How the fake answers a key; by default {@code "reply to <key>"}. */
        public Builder respond(Function<String, String> responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        public FakeRemote build() {
            return new FakeRemote(this);
        }
    }
}
