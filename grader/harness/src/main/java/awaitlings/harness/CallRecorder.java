package awaitlings.harness;

import java.util.function.Supplier;

/**
 * Times calls a check makes into the learner's code, e.g. a loop's {@code close()}, into a {@link CallLog}, so that a
 * message draws them on the same axis as the fakes' calls: when close() returned next to when the tasks it should
 * have waited for ended. A call that returns with its thread's interrupt status set is drawn as interrupted (⊘).
 */
public final class CallRecorder {

    private final CallLog log = new CallLog();

    /** Runs {@code call} on this thread, logged under {@code key}, and throws what it throws. */
    public void run(String key, Runnable call) {
        call(key, () -> {
            call.run();
            return null;
        });
    }

    /** Calls {@code call} on this thread, logged under {@code key}, and returns what it returns or throws what it throws. */
    public <T> T call(String key, Supplier<T> call) {
        log.started(key);
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            log.ended(key, CallEvent.Kind.FAILED);
            throw e;
        }
        log.ended(key, Thread.currentThread().isInterrupted() ? CallEvent.Kind.INTERRUPTED : CallEvent.Kind.RETURNED);
        return result;
    }

    /** The calls run so far, as a fake's log, for {@link CallLog#timeline(java.util.Map)}. */
    public CallLog log() {
        return log;
    }
}
