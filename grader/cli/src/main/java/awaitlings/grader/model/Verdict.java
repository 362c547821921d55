package awaitlings.grader.model;

import java.time.Duration;
import java.util.List;

/**
 * What became of one check in one submission.
 *
 * @param check   the check
 * @param passed  whether it passed
 * @param message what the learner reads: the failure message, or why the check could not run (crash, System.exit,
 *                time limit, a compile error); empty when it passed
 * @param hint    the hint shown with a failure: the check's own, unless the failure brought one of its own (a leak
 *                or a broken clean-up is about other code than the check's task)
 * @param time    how long the check ran, as its JVM measured it; zero when it did not run to its end
 * @param timeline the calls of the last timeline its failure message drew, capped; empty when it drew none
 */
public record Verdict(Check check, boolean passed, String message, String hint, Duration time, List<CallBar> timeline) {

    /** The most calls a verdict's timeline keeps: the report draws these; the message's chart tells the rest. */
    public static final int MAX_CALLS = 200;

    public Verdict {
        hint = hint == null ? check.hint() : hint;
        time = time == null ? Duration.ZERO : time;
        timeline = timeline == null ? List.of() : List.copyOf(timeline.subList(0, Math.min(MAX_CALLS, timeline.size())));
    }

    /** A verdict whose message drew no timeline. */
    public Verdict(Check check, boolean passed, String message, String hint, Duration time) {
        this(check, passed, message, hint, time, List.of());
    }

    /** A verdict on a check that did not run to its end (a crash, a compile error, no time left): it took no time. */
    public Verdict(Check check, boolean passed, String message) {
        this(check, passed, message, check.hint(), Duration.ZERO);
    }

    /** The same verdict with its message cut to at most {@code max} characters. */
    public Verdict withMessageCut(int max) {
        return new Verdict(check, passed, TextCap.cut(message, max), hint, time, timeline);
    }

    public int score() {
        return passed ? check.points() : 0;
    }
}
