package awaitlings.grader.model;

/**
 * One graded check, known before anything runs: found by discovering the course's tests.
 *
 * @param exercise  the exercise folder, e.g. {@code 03-await-compose}
 * @param id        stable identity: {@code TestClass.method()}
 * @param name      the check's display name, a sentence
 * @param points    what it is worth ({@code @Points}, default 1)
 * @param hidden    whether it comes from the hidden tests under {@code solutions/}
 * @param hint      the check's {@code @Hint}, empty when it has none
 */
public record Check(String exercise, String id, String name, int points, boolean hidden, String hint) {
}
