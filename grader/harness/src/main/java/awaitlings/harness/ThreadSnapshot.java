package awaitlings.harness;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The platform threads alive when a test started, so that the ones it started can be told apart. */
final class ThreadSnapshot {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThreadSnapshot.class);

    private final Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());

    private ThreadSnapshot() {
        before.addAll(Thread.getAllStackTraces().keySet());
    }

    /** The snapshot of this test, taken now if no extension took it yet. */
    static ThreadSnapshot of(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(ThreadSnapshot.class, k -> new ThreadSnapshot(), ThreadSnapshot.class);
    }

    /** Threads alive now that were not alive when the snapshot was taken, JUnit's own left out. */
    List<Thread> startedSince() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("junit-"))
                .toList();
    }
}
