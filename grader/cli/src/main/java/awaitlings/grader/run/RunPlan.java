package awaitlings.grader.run;

import java.util.List;

/**
 * What one graded JVM must run, handed to it as a JSON file.
 *
 * @param events    the file the graded JVM appends its START/END lines to
 * @param testLimit the hang guard of each check, in JUnit's syntax (e.g. {@code "10 s"})
 * @param exercises the exercises with checks left to run, in course order
 */
record RunPlan(String events, String testLimit, List<Exercise> exercises) {

    /** One exercise: the class path of the learner's classes and the course's tests, and the checks to run. */
    record Exercise(String exercise, List<String> classpath, List<Step> checks) {
    }

    /** One check: its id in the results, and the test method that runs it. */
    record Step(String id, String className, String method) {
    }
}
