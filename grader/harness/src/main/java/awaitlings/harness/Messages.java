package awaitlings.harness;

import java.time.Duration;
import java.util.List;

/**
 * Every message the harness shows a learner, one factory per kind of failure.
 * Each says what was expected, what was measured, what it means, and what to try.
 */
public final class Messages {

    private Messages() {
    }

    static String shouldHaveRunConcurrently(String remote, Duration latency, CallLog log, int expected) {
        return shouldHaveRunConcurrently(remote, latency, log, expected, Duration.ZERO);
    }

    static String shouldHaveRunConcurrently(String remote, Duration latency, CallLog log, int expected, Duration rendezvous) {
        int calls = log.calls();
        int peak = log.peakInFlight();
        String measured = String.format("%d calls of %d ms took %d ms with at most %d in flight",
                calls, latency.toMillis(), log.span().toMillis(), peak);
        String meaning;
        if (calls < expected) {
            meaning = String.format("only %d of the %d calls were made. Make one call per item.", calls, expected);
        } else if (peak <= 1) {
            meaning = "they ran one after another. Start all, then join.";
        } else {
            meaning = String.format("some waited for others. Start all %d before you wait for any.", expected);
        }
        String waited = rendezvous.isZero() ? "" : String.format(
                "%n(The %s held the first call up to %d ms for the others to arrive; they did not.)", remote, rendezvous.toMillis());
        return String.format("Expecting %d calls to the %s in flight at once,%nbut %s: %s%s%nTimeline:%n%s",
                expected, remote, measured, meaning, waited, log.timeline(expected + " in flight"));
    }

    static String shouldHaveRunOneAfterAnother(String remote, CallLog log) {
        return String.format("Expecting the calls to the %s to run one after another,%n"
                        + "but %d were in flight at once: this version must wait for each call before the next.%n"
                        + "Timeline:%n%s",
                remote, log.peakInFlight(), log.timeline("1 in flight"));
    }

    static String shouldHaveStartedInOrder(String remote, CallLog log, List<String> expected) {
        return String.format("Expecting the calls to the %s to start in this order:%n    %s%nbut they started as:%n    %s%n"
                        + "Timeline:%n%s",
                remote, expected, log.startOrder(), log.timeline());
    }

    static String shouldHaveFinishedBeforeStarting(String remote, CallLog log, String first, String second) {
        return String.format("Expecting %s(%s) to end before %s(%s) starts, because the second needs the first's result,%n"
                        + "but %s(%s) started while %s(%s) was still running: compose the second onto the first.%n"
                        + "Timeline:%n%s",
                remote, first, remote, second, remote, second, remote, first, log.timeline());
    }

    static String shouldHaveBeenCalled(String remote, CallLog log, int expected) {
        return String.format("Expecting %d call(s) to the %s,%nbut there were %d.%nTimeline:%n%s",
                expected, remote, log.calls(), log.timeline());
    }

    static String shouldHaveSeenInterrupt(String remote, CallLog log, String key) {
        return String.format("Expecting %s(%s) to be interrupted (cancelled while it waited),%n"
                        + "but it never saw an interrupt: it was left running.%nTimeline:%n%s",
                remote, key, log.timeline());
    }

    static String shouldReturnWithoutWaiting(String call, Duration waited, String where) {
        return String.format("Expecting %s to return at once, before the reply exists,%n"
                        + "but it was still running after %d ms while the reply was held back: it waits for the reply.%n"
                        + "Return the future right away and let the caller decide when to wait.%n"
                        + "Your code was here:%n%s",
                call, waited.toMillis(), where);
    }

    static String shouldReturnAFuture(String what) {
        return String.format("Expecting %s to return a future,%nbut it returned null.", what);
    }

    static String shouldComplete(String what, Duration patience, Object future) {
        return String.format("Expecting %s to complete once every reply had come,%n"
                        + "but its future was still open %d s later: %s%n"
                        + "Some step's future is never completed, or never handed back (return it, or compose it with thenCompose).",
                what, patience.toSeconds(), future);
    }

    static String shouldSucceed(String what, Throwable failure) {
        return String.format("Expecting %s to complete with a value,%nbut it failed with%n    %s", what, failure);
    }

    static String shouldFail(String what, Object value) {
        return String.format("Expecting %s to fail, because a call it depends on failed,%nbut it completed with%n    %s%n"
                        + "The failure was swallowed: let it travel to the caller.",
                what, value);
    }

    static String shouldFailInTime(String what, Duration patience) {
        return String.format("Expecting %s to fail, because a call it depends on failed,%n"
                        + "but its future was still open %d s later: the failure never reached it.",
                what, patience.toSeconds());
    }

    static String shouldNotLeakThreads(List<String> threads, Duration linger) {
        return String.format("Expecting every thread started during this check to be gone when it was over,%n"
                        + "but %d %s still alive %d ms later:%n%s%n"
                        + "What runs a thread (an executor, an event loop) keeps it alive until it is shut down or closed.",
                threads.size(), threads.size() == 1 ? "was" : "were", linger.toMillis(),
                String.join(System.lineSeparator(), threads));
    }

    /** The hint of a thread-leak verdict, in place of the check's own: the leak is about another promise. */
    static String leakHint() {
        return "Shut down every executor and close every event loop your code creates, once its work is done and also"
                + " when it fails: try-with-resources, or a finally block.";
    }

    static String cleanUpFailed(String cleanUp, Throwable failure) {
        return String.format("This check passed, but the clean-up after it (%s) failed with%n    %s",
                cleanUp, FailureText.describe(failure));
    }

    static String shouldEndAfter(String owner, Thread thread, Duration linger) {
        return String.format("Expecting the thread that ran your task to end once %s was done,%n"
                        + "but it was still alive %d ms later:%n%s%n"
                        + "What runs it (an executor, an event loop) was never shut down. Shut it down in a finally block"
                        + " (or try-with-resources), so it also happens when the work fails.",
                owner, linger.toMillis(), StackReport.of(thread, thread.getStackTrace()));
    }

    static String shouldFinishInTime(String timedOut, String timelines, String deadlock, String threads) {
        return String.format("%s: your code is stuck, waiting for something that never happens.%n%s%s"
                        + "Where your threads were when time ran out:%n%s",
                timedOut, timelines, deadlock, threads);
    }

    static String deadlock(String threads) {
        return String.format("Deadlock: these threads each wait for a lock another one holds, so none can go on:%n%s%n",
                threads);
    }
}
