package awaitlings.harness;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Checks on what a {@link VirtualRemote} saw, in virtual time, each failing with a message that teaches. */
public final class VirtualRemoteAssert extends AbstractAssert<VirtualRemoteAssert, VirtualRemote> {

    VirtualRemoteAssert(VirtualRemote remote) {
        super(remote, VirtualRemoteAssert.class);
    }

    /** {@code expected} calls were made and all of them were in flight at one moment. */
    public VirtualRemoteAssert ranConcurrently(int expected) {
        isNotNull();
        if (actual.log().calls() < expected || actual.log().peakInFlight() < expected) {
            failWithMessage("%s", TimerMessages.shouldHaveRunConcurrently(actual.name(), actual.log(), expected));
        }
        return this;
    }

    /** Never more than {@code limit} calls were in flight at once. */
    public VirtualRemoteAssert neverMoreInFlightThan(int limit) {
        isNotNull();
        if (actual.log().peakInFlight() > limit) {
            failWithMessage("%s", TimerMessages.shouldNeverExceed(actual.name(), actual.log(), limit));
        }
        return this;
    }

    /** Exactly {@code times} calls were made. */
    public VirtualRemoteAssert wasCalled(int times) {
        isNotNull();
        if (actual.log().calls() != times) {
            failWithMessage("%s", Messages.shouldHaveBeenCalled(actual.name(), actual.log(), times));
        }
        return this;
    }

    /** The calls for {@code key} started exactly at these virtual times, and no others were made. */
    public VirtualRemoteAssert startedAt(String key, Duration... times) {
        isNotNull();
        List<Duration> started = actual.log().events().stream()
                .filter(e -> e.kind() == CallEvent.Kind.STARTED && e.key().equals(key))
                .map(e -> Duration.ofNanos(e.nanos())).toList();
        if (!started.equals(List.of(times))) {
            failWithMessage("%s", TimerMessages.shouldHaveStartedAt(actual.name(), key, List.of(times), started, actual.log()));
        }
        return this;
    }

    /** The call for {@code key} was cancelled. */
    public VirtualRemoteAssert wasCancelled(String key) {
        isNotNull();
        if (!cancelled(key)) {
            failWithMessage("%s", TimerMessages.shouldHaveBeenCancelled(actual.name(), key, actual.log()));
        }
        return this;
    }

    /** No call for {@code key} was cancelled. */
    public VirtualRemoteAssert wasNotCancelled(String key) {
        isNotNull();
        if (cancelled(key)) {
            failWithMessage("%s", TimerMessages.shouldNotHaveBeenCancelled(actual.name(), key, actual.log()));
        }
        return this;
    }

    /** Every future the remote handed out was awaited or composed, and every failed one looked at. */
    public VirtualRemoteAssert observedEveryFetch() {
        isNotNull();
        List<String> unobserved = actual.tracker().unobserved();
        if (!unobserved.isEmpty()) {
            failWithMessage("%s", TrackerMessages.shouldObserveEveryFuture(actual.name(), unobserved, actual.log()));
        }
        return this;
    }

    private boolean cancelled(String key) {
        return actual.log().events().stream().anyMatch(e -> e.kind() == CallEvent.Kind.CANCELLED && e.key().equals(key));
    }
}
