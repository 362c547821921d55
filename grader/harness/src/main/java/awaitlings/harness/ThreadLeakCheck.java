package awaitlings.harness;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves non-daemon threads running: the Java face of an event loop that was never closed.
 * Threads get a short linger to finish after a clean shutdown. Registered for every test of the course.
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
        List<Thread> leaked = leaked(snapshot);
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            leaked = leaked(snapshot);
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError(Messages.shouldNotLeakThreads(
                    leaked.stream().map(t -> StackReport.of(t, t.getStackTrace())).toList(), LINGER));
        }
    }

    private static List<Thread> leaked(ThreadSnapshot snapshot) {
        return snapshot.startedSince().stream().filter(t -> !t.isDaemon()).toList();
    }
}
