package awaitlings.harness;

/**
 * The verdict of one graded check.
 *
 * @param testClass  the simple name of the test class
 * @param name       the check's display name, a sentence
 * @param passed     whether it passed
 * @param points     what it is worth ({@link Points}, default 1)
 * @param message    the failure message, empty when it passed
 * @param hint       the check's {@link Hint}, empty when it has none
 */
public record CheckResult(String testClass, String name, boolean passed, int points, String message, String hint) {

    /** Points earned: all of them when passed, none otherwise. */
    public int earned() {
        return passed ? points : 0;
    }
}
