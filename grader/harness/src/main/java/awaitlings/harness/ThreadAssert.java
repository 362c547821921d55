package awaitlings.harness;

import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Checks on a thread the learner's code started, e.g. a worker of an executor that must be shut down. */
public final class ThreadAssert extends AbstractAssert<ThreadAssert, Thread> {

    ThreadAssert(Thread thread) {
        super(thread, ThreadAssert.class);
    }

    /**
     * The thread ends within a short linger, as the workers of an executor do once it was shut down.
     *
     * @param owner what should have stopped it, e.g. {@code "run()"}, named in the message
     */
    public ThreadAssert endsAfter(String owner) {
        isNotNull();
        Duration linger = ThreadLeakCheck.LINGER;
        try {
            Awaitility.await().atMost(linger).pollInterval(Duration.ofMillis(20)).until(() -> !actual.isAlive());
        } catch (ConditionTimeoutException stillAlive) {
            failWithMessage("%s", Messages.shouldEndAfter(owner, actual, linger));
        }
        return this;
    }
}
