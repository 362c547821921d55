package awaitlings.grader.model;

/**
 * What became of one check in one submission.
 *
 * @param check   the check
 * @param passed  whether it passed
 * @param message what the learner reads: the failure message, or why the check could not run (crash, System.exit,
 *                time limit, a compile error); empty when it passed
 * @param hint    the hint shown with a failure: the check's own, unless the failure brought one of its own (a leak
 *                or a broken clean-up is about other code than the check's task)
 */
public record Verdict(Check check, boolean passed, String message, String hint) {

    public Verdict {
        hint = hint == null ? check.hint() : hint;
    }

    /** A verdict with the check's own hint. */
    public Verdict(Check check, boolean passed, String message) {
        this(check, passed, message, check.hint());
    }

    public int score() {
        return passed ? check.points() : 0;
    }
}
