package awaitlings.harness;

/**
 * A failed check that carries its own hint, because it is about something else than what the check's task asked:
 * threads the code left running, or a clean-up after the check that the code broke. The banner and the grader show
 * this hint instead of the check's {@link Hint} (see {@link FailureText#hint}).
 */
public class HintedFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * @param message what was measured and what it means, as the learner reads it
     * @param hint    what to try
     */
    public HintedFailure(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What to try, in place of the check's own hint. */
    public String hint() {
        return hint;
    }
}
