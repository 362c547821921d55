package awaitlings.harness;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves threads running: the Java face of an event loop that was never closed. Every thread
 * started during the test counts, daemon or not (a thread started from a daemon thread is one itself), except the
 * harness's own and the JDK's shared ones. Threads get a short linger to finish after a clean shutdown. The verdict
 * carries its own hint ({@link HintedFailure}), as it is about another promise than the check's task.
 * Registered for every test of the course.
 */
public final class ThreadLeakCheck implements BeforeEachCallback, AfterEachCallback {

    static final Duration LINGER = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 20;

    @Override
    public void beforeEach(ExtensionContext context) {
        ThreadSnapshot.of(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        ThreadSnapshot snapshot = ThreadSnapshot.of(context);
        long deadline = System.nanoTime() + LINGER.toNanos();
        List<Thread> leaked = snapshot.startedSince();
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            leaked = snapshot.startedSince();
        }
        if (!leaked.isEmpty()) {
            throw new HintedFailure(Messages.shouldNotLeakThreads(
                    leaked.stream().map(t -> StackReport.of(t, t.getStackTrace())).toList(), LINGER), Messages.leakHint());
        }
    }
}
