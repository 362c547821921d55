package awaitlings.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Where threads are, written for a learner: their own frames and the few frames of the JDK they wait in. */
final class StackReport {

    private static final int TOP_FRAMES = 3;
    private static final int MAX_FRAMES = 12;
    private static final String[] PLUMBING = {
        "java.", "javax.", "jdk.", "sun.", "org.junit.", "org.opentest4j.", "org.apache.maven.", "org.assertj.",
        "awaitlings.harness."
    };

    private StackReport() {
    }

    static String of(Collection<Thread> threads) {
        return threads.stream().map(t -> of(t, t.getStackTrace())).collect(Collectors.joining(System.lineSeparator()));
    }

    static String of(Thread thread, StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder("    \"").append(thread.getName()).append("\" ")
                .append(thread.getState().name().toLowerCase());
        int shown = 0;
        for (int i = 0; i < stack.length && shown < MAX_FRAMES; i++) {
            // The learner's own frames, and the library call each of them made (e.g. CompletableFuture.join).
            boolean calledByLearner = i + 1 < stack.length && !isPlumbing(stack[i + 1]);
            if (i < TOP_FRAMES || !isPlumbing(stack[i]) || calledByLearner) {
                out.append(System.lineSeparator()).append("        at ").append(stack[i]);
                shown++;
            }
        }
        return out.toString();
    }

    /** The threads in a deadlock, with the lock each waits for and who holds it; empty when there is none. */
    static String deadlock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return "";
        }
        return Messages.deadlock(Arrays.stream(threads.getThreadInfo(ids, true, true))
                .map(StackReport::waiting)
                .collect(Collectors.joining(System.lineSeparator())));
    }

    private static String waiting(ThreadInfo info) {
        return String.format("    \"%s\" waits for %s held by \"%s\"%n        at %s",
                info.getThreadName(), info.getLockName(), info.getLockOwnerName(),
                info.getStackTrace().length > 0 ? info.getStackTrace()[0] : "(no frame)");
    }

    private static boolean isPlumbing(StackTraceElement frame) {
        for (String prefix : PLUMBING) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
