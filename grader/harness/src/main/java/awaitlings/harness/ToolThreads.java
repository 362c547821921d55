package awaitlings.harness;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The harness's own threads (a fake's I/O threads, the caller that proves a call does not block), known by identity
 * so that the thread-leak check leaves them out. They are daemons, and threads that code starts on them inherit
 * that: which is why the leak check does not judge threads by their daemon flag.
 */
final class ToolThreads {

    private static final Set<Thread> TOOLS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ToolThreads() {
    }

    /** Starts {@code body} on a new daemon thread of the harness called {@code name}. */
    static Thread start(String name, Runnable body) {
        Thread thread = daemon(body, name);
        thread.start();
        return thread;
    }

    /** Makes daemon threads of the harness called {@code prefix} followed by 1, 2, 3… */
    static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return body -> daemon(body, prefix + count.incrementAndGet());
    }

    static boolean isTool(Thread thread) {
        return TOOLS.contains(thread);
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        TOOLS.add(thread);
        return thread;
    }
}
