package awaitlings.grader.model;

import java.time.Duration;

/**
 * How to grade, as the command line said.
 *
 * @param hidden      run the hidden tests from {@code solutions/} too
 * @param testLimit   the hang guard of each check
 * @param budget      the wall-clock budget of one submission, after which its JVM is killed
 */
public record GradeOptions(boolean hidden, Duration testLimit, Duration budget) {

    public static GradeOptions defaults() {
        return new GradeOptions(true, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
}
