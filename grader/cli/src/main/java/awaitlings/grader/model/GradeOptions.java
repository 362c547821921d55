package awaitlings.grader.model;

import java.time.Duration;

/**
 * How to grade, as the command line said.
 *
 * @param hidden      run the hidden tests from {@code solutions/} too
 * @param testLimit   the hang guard of each check
 * @param budget      the wall-clock budget of one submission, after which its JVM is killed
 * @param heapMegabytes the heap of each graded JVM, in MB: what a platform's memory limit leaves for it
 */
public record GradeOptions(boolean hidden, Duration testLimit, Duration budget, int heapMegabytes) {

    /** The graded JVM's heap unless told otherwise: room for every check of the course, with a margin. */
    public static final int DEFAULT_HEAP_MEGABYTES = 512;

    /** Options with the default heap. */
    public GradeOptions(boolean hidden, Duration testLimit, Duration budget) {
        this(hidden, testLimit, budget, DEFAULT_HEAP_MEGABYTES);
    }

    public static GradeOptions defaults() {
        return new GradeOptions(true, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
}
