package awaitlings.harness;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Times calls a check makes into the learner's code, e.g. a loop's {@code close()}, into a {@link CallLog}, so that a
 * message draws them on the same axis as the fakes' calls: when close() returned next to when the tasks it should
 * have waited for ended. A call that returns with its thread's interrupt status set is drawn as interrupted (⊘), one
 * that throws as failed (✗).
 */
public final class CallRecorder {

    private final CallLog log = new CallLog();

    /** Runs {@code call} on this thread, logged under {@code key}, and throws what it throws. */
    public void run(String key, Runnable call) {
        record(key, () -> {
            call.run();
            return null;
        });
    }

    /** Calls {@code call} on this thread, logged under {@code key}, and returns what it returns or throws what it throws. */
    public <T> T call(String key, Supplier<T> call) {
        return record(key, call::get);
    }

    /** As {@link #call(String, Supplier)}, for a call that may throw a checked exception, e.g. a blocking wait. */
    public <T> T callThrowing(String key, Callable<T> call) throws Exception {
        return record(key, call::call);
    }

    /** The calls run so far, as a fake's log, for {@link CallLog#timeline(java.util.Map)}. */
    public CallLog log() {
        return log;
    }

    private <T, E extends Exception> T record(String key, Body<T, E> body) throws E {
        log.started(key);
        T result;
        try {
            result = body.get();
        } catch (Throwable thrown) {
            log.ended(key, CallEvent.Kind.FAILED);
            throw thrown;
        }
        log.ended(key, Thread.currentThread().isInterrupted() ? CallEvent.Kind.INTERRUPTED : CallEvent.Kind.RETURNED);
        return result;
    }

    /** A call's body, which throws {@code E} or nothing checked. */
    @FunctionalInterface
    private interface Body<T, E extends Exception> {
        T get() throws E;
    }
}
