package awaitlings.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers every future a fake handed out, to tell afterwards which ones nobody awaited: the Java twins of
 * asyncio's "coroutine was never awaited" and "Task exception was never retrieved".
 */
public final class FutureTracker {

    private final List<Entry> handedOut = new ArrayList<>();

    FutureTracker() {
    }

    /** A new future for {@code key}, numbered in the order they were handed out; {@code onCancel} runs if it is cancelled. */
    synchronized <T> TrackedFuture<T> track(String key, Runnable onCancel) {
        TrackedFuture<T> future = new TrackedFuture<>(onCancel);
        handedOut.add(new Entry(handedOut.size() + 1, key, future));
        return future;
    }

    /**
     * One line per future nobody looked at, e.g. {@code fetch #3 (shop-c) was started but never awaited} or
     * {@code fetch #2 (shop-b) failed and nobody looked}; empty when every one was awaited or composed.
     * A cancelled future counts as looked after: someone decided its fate.
     */
    public synchronized List<String> unobserved() {
        List<String> lines = new ArrayList<>();
        for (Entry entry : handedOut) {
            TrackedFuture<?> future = entry.future();
            if (future.observed() || future.isCancelled()) {
                continue;
            }
            lines.add(future.isCompletedExceptionally()
                    ? TrackerMessages.failedAndNobodyLooked(entry.number(), entry.key())
                    : TrackerMessages.neverAwaited(entry.number(), entry.key()));
        }
        return lines;
    }

    /** How many futures were handed out. */
    public synchronized int size() {
        return handedOut.size();
    }

    private record Entry(int number, String key, TrackedFuture<?> future) {
    }
}
