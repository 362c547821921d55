package awaitlings.harness;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages of {@link Interleavings}. */
final class InterleavingMessages {

    /** An object as Lincheck numbers it, {@code CompletableFuture#2}; a lambda's number says nothing to a learner. */
    private static final Pattern NUMBERED = Pattern.compile("\\b((?!Lambda#)[A-Z][\\w.]*)#([1-9])\\b");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};

    private InterleavingMessages() {
    }

    static String shouldHoldOneAfterAnother(String promise, int threads, String happened) {
        return String.format("Expecting %s,%nbut %s, even with the %d calls made one after another: no race is needed for that.",
                promise, happened, threads);
    }

    /**
     * @param happened what the check saw in the broken run, or {@code null} when the run never ended
     * @param report   Lincheck's report of the run
     * @param trace    that run's steps ({@link InterleavingTrace}), empty when it has none
     */
    static String shouldHoldInEveryOrder(String promise, String happened, String report, String trace) {
        String broke;
        if (happened != null) {
            broke = String.format("but %s,%nwhen the threads' steps ran in this order:", happened);
        } else if (report.contains("has hung") || report.contains("deadlock") || report.contains("livelock")) {
            broke = String.format("but the run never finished when the threads' steps ran in this order:"
                    + "%na step waited for something that never came, or spun forever:");
        } else {
            return String.format("Expecting %s,%nbut the explorer of interleavings itself failed on your code, which says nothing"
                    + " of it: %s%nTell your instructor.", promise, failure(report));
        }
        String steps = trace.isEmpty() ? "" : String.format("%n%s%n(x ➜ v: read x and found v · x = v: wrote v to x%s)",
                trace, numbered(trace));
        return String.format("Expecting %s,%n%s%s%nThe explorer tries up to %d orders of the threads' steps, switching threads at"
                        + " every read,%nwrite, lock and call; this is the first that broke the promise.",
                promise, broke, steps, Interleavings.ORDERS);
    }

    static String threw(Throwable failure) {
        return "a thread's call threw " + failure;
    }

    /** What {@code CompletableFuture#2} means, said of the first object numbered so in the trace. */
    private static String numbered(String trace) {
        Matcher object = NUMBERED.matcher(trace);
        return object.find() ? String.format(" · %s#%s: the %s %s made", object.group(1), object.group(2),
                ORDINALS[Integer.parseInt(object.group(2)) - 1], object.group(1)) : "";
    }

    /** The exception the explorer's report names after "Exception stacktrace:", else its first line. */
    private static String failure(String report) {
        List<String> lines = report.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        int trace = lines.indexOf("Exception stacktrace:");
        return trace >= 0 && trace + 1 < lines.size() ? lines.get(trace + 1) : lines.isEmpty() ? "" : lines.get(0);
    }
}
