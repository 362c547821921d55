package awaitlings.harness;

/**
 * A failed check as the learner reads it, the same in the banner of {@code mvn test} and in the grader's results:
 * one function for both, so the two never tell a failure differently.
 */
public final class FailureText {

    private FailureText() {
    }

    /**
     * The failure's text: an assertion's message alone (it was written for the learner), a bare exception with its
     * type, and a missing method or class (a learner who renamed what the exercise gave them) explained.
     */
    public static String describe(Throwable failure) {
        if (failure instanceof NoSuchMethodError || failure instanceof NoSuchFieldError || failure instanceof NoClassDefFoundError) {
            return "The checks call something your code no longer has: " + failure.getMessage()
                    + ". Keep the classes and methods the exercise gave you, with the same names and parameters.";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        if (failure instanceof AssertionError && !message.isEmpty()) {
            return message;
        }
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * The hint the learner should see for this failure: the failure's own when it carries one (a {@link HintedFailure},
     * such as a thread-leak verdict or a clean-up that the code broke), else {@code checkHint}, the check's {@link Hint}.
     */
    public static String hint(Throwable failure, String checkHint) {
        return failure instanceof HintedFailure own ? own.hint() : checkHint;
    }
}
