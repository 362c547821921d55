package awaitlings.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages of {@link Interleavings}. */
final class InterleavingMessages {

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
            return String.format("Expecting %s,%nbut the explorer of interleavings could not run your code:%n%s",
                    promise, firstLines(report));
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

    private static final Pattern NUMBERED = Pattern.compile("\\b([A-Z][\\w.]*)#([1-9])\\b");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};

    /** What {@code CompletableFuture#2} means, said of the first object numbered so in the trace. */
    private static String numbered(String trace) {
        Matcher object = NUMBERED.matcher(trace);
        return object.find() ? String.format(" · %s#%s: the %s %s made", object.group(1), object.group(2),
                ORDINALS[Integer.parseInt(object.group(2)) - 1], object.group(1)) : "";
    }

    private static String firstLines(String report) {
        return report.lines().filter(line -> !line.isBlank()).limit(6).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
    }
}
