package awaitlings.grader.model;

/**
 * What became of one check in one submission.
 *
 * @param check   the check
 * @param passed  whether it passed
 * @param message what the learner reads: the failure message, the compiler's diagnostics, or why the check could
 *                not run (crash, System.exit, time limit); empty when it passed
 */
public record Verdict(Check check, boolean passed, String message) {

    public int score() {
        return passed ? check.points() : 0;
    }
}
