package awaitlings.harness;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The platform threads alive when a test started, so that the ones it started can be told apart. */
final class ThreadSnapshot {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThreadSnapshot.class);

    /**
     * Threads that no code under test owns, by the start of their names: the JDK's shared ones (the common pool, the
     * timer behind orTimeout and delayedExecutor, which is the common pool's delay scheduler from JDK 25 on, the
     * cleaner, the selector of an HttpClient, which cannot be closed before JDK 21, the unblocker of virtual threads)
     * and the test tools' (JUnit's timeouts, Awaitility's poller).
     */
    private static final List<String> NOT_OWNED = List.of(
            "ForkJoinPool.commonPool-worker-", "ForkJoinPool.commonPool-delayScheduler", "CompletableFutureDelayScheduler",
            "Common-Cleaner", "process reaper", "Attach Listener", "HttpClient-", "junit-", "awaitility",
            "VirtualThread-unblocker");

    private final Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());

    private ThreadSnapshot() {
        before.addAll(Thread.getAllStackTraces().keySet());
    }

    /** The snapshot of this test, taken now if no extension took it yet. */
    static ThreadSnapshot of(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(ThreadSnapshot.class, k -> new ThreadSnapshot(), ThreadSnapshot.class);
    }

    /**
     * Threads alive now that were not alive when the snapshot was taken, daemon or not, leaving out the harness's
     * own and the threads that the JDK shares or the test tools run.
     */
    List<Thread> startedSince() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !ToolThreads.isTool(t) && !notOwned(t))
                .toList();
    }

    /**
     * The JDK's virtual-thread scheduler (JDK 21+), by class, as its pool's name is not fixed: its carrier threads, the
     * timer of its pool (JDK 25) and the thread that unblocks virtual threads. Virtual threads themselves are never
     * among the threads listed here.
     */
    private static final List<String> SCHEDULER_CLASSES = List.of(
            "jdk.internal.misc.CarrierThread", "java.util.concurrent.DelayScheduler");

    private static boolean notOwned(Thread thread) {
        return NOT_OWNED.stream().anyMatch(thread.getName()::startsWith)
                || SCHEDULER_CLASSES.contains(thread.getClass().getName());
    }
}
