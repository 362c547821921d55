package awaitlings.grader.pipeline;

/**
 * One way the course breaks a promise, as {@code grader verify} prints it.
 *
 * @param exercise the exercise it is about, which orders the findings; empty when it is about the whole course
 * @param line     the line printed, {@code kind: exercise › check: what}
 */
record Finding(String exercise, String line) {
}
