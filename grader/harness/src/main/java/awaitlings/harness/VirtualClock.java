package awaitlings.harness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that stands still until a test moves it, through the {@link ManualScheduler} that owns it. Code under test
 * may take it as a {@link Clock}; checks read {@link #elapsed()}, the virtual time since the clock was made.
 */
public final class VirtualClock extends Clock {

    /** Where virtual time starts, so that instants are the same in every run. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos;
    private final ZoneId zone;

    VirtualClock() {
        this(new AtomicLong(), ZoneOffset.UTC);
    }

    private VirtualClock(AtomicLong nanos, ZoneId zone) {
        this.nanos = nanos;
        this.zone = zone;
    }

    /** The virtual time that has passed since the clock was made. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    /** {@link #elapsed()} in nanoseconds, as a time source for a {@link CallLog}. */
    long nanos() {
        return nanos.get();
    }

    /** Moves the clock to {@code elapsedNanos}; it never goes back. */
    void moveTo(long elapsedNanos) {
        nanos.accumulateAndGet(elapsedNanos, Math::max);
    }

    @Override
    public Instant instant() {
        return START.plusNanos(nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock, moving with this one, seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new VirtualClock(nanos, other);
    }
}
