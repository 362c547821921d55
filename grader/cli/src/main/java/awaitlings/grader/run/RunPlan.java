package awaitlings.grader.run;

import java.util.List;

/**
 * What one graded JVM must run: the checks of one exercise, handed to it as a JSON file.
 *
 * @param channel   the socket the JVM reports through; it connects before any class of the learner's is loaded
 * @param testLimit the hang guard of each check, in JUnit's syntax (e.g. {@code "10000 ms"})
 * @param exercise  the exercise
 * @param classpath the course's compiled tests first, so that they win over any class of the same name, then the
 *                  learner's compiled classes
 * @param checks    the checks left to run, in course order
 */
record RunPlan(String channel, String testLimit, String exercise, List<String> classpath, List<Step> checks) {

    /** One check: its id in the results, and the test method that runs it. */
    record Step(String id, String className, String method) {
    }
}
