package awaitlings.harness;

/**
 * A check's clean-up (an {@code @AfterEach}) that the code under test can break, e.g. closing a shared loop once
 * more. When it fails, the check fails with what the clean-up was and what it threw, and with the clean-up's own
 * hint, not the check's: the failure is about another promise than the check's task.
 */
public final class CleanUp {

    private CleanUp() {
    }

    /**
     * Runs {@code action}; when it throws, fails with a {@link HintedFailure} that keeps what it threw as the cause.
     *
     * @param what   the clean-up as the learner reads it, e.g. {@code "closing the shared loop, Loops.shared()"}
     * @param hint   what to try when it fails, e.g. which promise of the code it relies on
     */
    public static void run(String what, Runnable action, String hint) {
        try {
            action.run();
        } catch (RuntimeException failure) {
            HintedFailure cleanUpFailed = new HintedFailure(Messages.cleanUpFailed(what, failure), hint);
            cleanUpFailed.initCause(failure);
            throw cleanUpFailed;
        }
    }
}
