package awaitlings.harness;

/**
 * One moment in a fake's call log: a call started or ended.
 *
 * @param kind        whether the call started or ended, and how it ended
 * @param key         what was asked for, e.g. {@code "latte"}
 * @param thread      the name of the thread that made the call
 * @param virtual     whether that thread was a virtual thread
 * @param nanos       when it happened, relative to the log's creation
 * @param inFlight    calls in flight right after this event
 */
public record CallEvent(Kind kind, String key, String thread, boolean virtual, long nanos, int inFlight) {

    /** What happened to a call. */
    public enum Kind { STARTED, RETURNED, FAILED, INTERRUPTED, CANCELLED }

    /** Milliseconds since the log was created. */
    public long millis() {
        return nanos / 1_000_000;
    }

    boolean isEnd() {
        return kind != Kind.STARTED;
    }
}
