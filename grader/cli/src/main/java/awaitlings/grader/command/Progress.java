package awaitlings.grader.command;

import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.pipeline.Pipeline;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells the instructor how far a batch is. On a terminal: one line redrawn in place,
 * {@code [#####---------------] 12/40  student-07  0:42 elapsed  ETA 1:50}. Elsewhere (a CI log, a file): one plain
 * line per finished submission, {@code graded 12/40 student-07: 37/52 points (0:42)}. Safe to call from any thread.
 */
final class Progress implements Pipeline.Listener {

    private static final int BAR_WIDTH = 20;

    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final LongSupplier nanoTime;
    private final long start;
    private int done;
    private int gradedNow;
    private String current = "";
    private int drawnLength;

    Progress(PrintWriter out, boolean terminal, int total, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Progress on {@code out}, drawn as a bar when the grader runs on a terminal. */
    static Progress on(PrintWriter out, int total) {
        return new Progress(out, onTerminal(), total, System::nanoTime);
    }

    @Override
    public synchronized void started(String id) {
        current = id;
        redraw();
    }

    /** {@code result} was graded in this run. */
    @Override
    public synchronized void graded(SubmissionResult result) {
        done++;
        gradedNow++;
        current = result.id();
        report("graded " + count(result.id()) + ": " + points(result) + " (" + clock(elapsed()) + ")");
    }

    /** {@code result} was graded by an earlier run and is kept as it is. */
    @Override
    public synchronized void kept(SubmissionResult result) {
        done++;
        report("kept " + count(result.id()) + ": " + points(result) + " (graded in an earlier run)");
    }

    /** {@code id} could not be graded; {@code why} is one line. */
    @Override
    public synchronized void failed(String id, String why) {
        done++;
        current = id;
        line("failed " + count(id) + ": " + why);
    }

    /** A problem that costs no grade, on a line of its own. */
    @Override
    public synchronized void warning(String message) {
        line("warning: " + message);
    }

    /** Ends the bar's line, so what is printed next starts on a line of its own. */
    synchronized void finish() {
        if (terminal && drawnLength > 0) {
            out.println();
            drawnLength = 0;
        }
        out.flush();
    }

    /** The bar as it is drawn now, without the carriage return. */
    synchronized String bar() {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total
                + "  " + current + "  " + clock(elapsed()) + " elapsed  ETA " + eta();
    }

    /** Prints {@code text} on a line of its own; on a terminal the bar is redrawn below it. */
    private void line(String text) {
        if (terminal) {
            clearLine();
            out.println(text);
            redraw();
        } else {
            out.println(text);
        }
        out.flush();
    }

    private void report(String line) {
        if (terminal) {
            redraw();
        } else {
            out.println(line);
            out.flush();
        }
    }

    private void redraw() {
        if (!terminal) {
            return;
        }
        String bar = bar();
        // Spaces wipe what a longer previous line left behind.
        out.print("\r" + bar + " ".repeat(Math.max(0, drawnLength - bar.length())));
        out.flush();
        drawnLength = bar.length();
    }

    private void clearLine() {
        out.print("\r" + " ".repeat(drawnLength) + "\r");
        drawnLength = 0;
    }

    private String eta() {
        // Kept submissions took no time, so the pace comes from the ones graded in this run only.
        if (gradedNow == 0) {
            return "-:--";
        }
        return clock(elapsed().multipliedBy(total - done).dividedBy(gradedNow));
    }

    private String count(String id) {
        return done + "/" + total + " " + id;
    }

    private static String points(SubmissionResult result) {
        return result.score() + "/" + result.maxScore() + " points";
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * Whether standard output is a terminal. Until JDK 22 a console exists only then; from JDK 22 on it always
     * exists and {@code Console.isTerminal()} (looked up by reflection, as the grader targets JDK 17) tells.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
