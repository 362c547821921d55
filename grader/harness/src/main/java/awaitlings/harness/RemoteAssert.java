package awaitlings.harness;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Checks on what a {@link FakeRemote} saw, each failing with a message from {@link Messages}. */
public final class RemoteAssert extends AbstractAssert<RemoteAssert, FakeRemote> {

    RemoteAssert(FakeRemote remote) {
        super(remote, RemoteAssert.class);
    }

    /** {@code expected} calls were made and all of them were in flight at one moment. */
    public RemoteAssert ranConcurrently(int expected) {
        isNotNull();
        if (actual.log().calls() < expected || actual.log().peakInFlight() < expected) {
            failWithMessage("%s", Messages.shouldHaveRunConcurrently(actual.name(), actual.latency(), actual.log(), expected,
                    actual.rendezvousGuard()));
        }
        return this;
    }

    /** No two calls were ever in flight at once. */
    public RemoteAssert ranOneAfterAnother() {
        isNotNull();
        if (actual.log().peakInFlight() > 1) {
            failWithMessage("%s", Messages.shouldHaveRunOneAfterAnother(actual.name(), actual.log()));
        }
        return this;
    }

    /** The calls started in exactly this order of keys. */
    public RemoteAssert startedInOrder(String... keys) {
        isNotNull();
        if (!actual.log().startOrder().equals(List.of(keys))) {
            failWithMessage("%s", Messages.shouldHaveStartedInOrder(actual.name(), actual.log(), List.of(keys)));
        }
        return this;
    }

    /** The call for {@code first} ended before the call for {@code second} started. */
    public RemoteAssert finishedBeforeStarting(String first, String second) {
        isNotNull();
        CallLog log = actual.log();
        var end = log.endOf(first);
        var start = log.startOf(second);
        // Events are appended under one lock, so their order in the log is the order they happened.
        if (end.isEmpty() || start.isEmpty() || log.events().indexOf(end.get()) > log.events().indexOf(start.get())) {
            failWithMessage("%s", Messages.shouldHaveFinishedBeforeStarting(actual.name(), log, first, second));
        }
        return this;
    }

    /** Exactly {@code times} calls were made. */
    public RemoteAssert wasCalled(int times) {
        isNotNull();
        if (actual.log().calls() != times) {
            failWithMessage("%s", Messages.shouldHaveBeenCalled(actual.name(), actual.log(), times));
        }
        return this;
    }

    /** The call for {@code key} was interrupted while it waited. */
    public RemoteAssert sawInterrupt(String key) {
        isNotNull();
        if (!actual.log().sawInterrupt(key)) {
            failWithMessage("%s", Messages.shouldHaveSeenInterrupt(actual.name(), actual.log(), key));
        }
        return this;
    }
}
