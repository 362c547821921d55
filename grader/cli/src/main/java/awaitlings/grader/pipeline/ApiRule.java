package awaitlings.grader.pipeline;

import awaitlings.grader.compile.PublicApi;
import awaitlings.grader.model.Course;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * An exercise's stub and solution offer the same public API: the course's tests are compiled against the stub and
 * run against a learner's code, so a member only the solution has would be one no learner is asked for, and one only
 * the stub has would be one a learner may drop unseen.
 */
final class ApiRule {

    private ApiRule() {
    }

    /**
     * How the public APIs of {@code exercise}'s stub and solution differ, each a short phrase; empty when they are
     * the same, or when one of them does not compile (which grading reports).
     */
    static List<String> differences(Course course, String exercise, Path work) {
        int release = course.release(exercise);
        Optional<SortedSet<String>> stub = PublicApi.of(course.exercise(exercise).resolve("src/main/java"), release, work.resolve("stub"));
        Optional<SortedSet<String>> solution = PublicApi.of(course.solution(exercise).resolve("src/main/java"), release, work.resolve("solution"));
        if (stub.isEmpty() || solution.isEmpty()) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        solution.get().stream().filter(line -> !stub.get().contains(line))
                .forEach(line -> differences.add("the solution has " + line + " that the stub lacks"));
        stub.get().stream().filter(line -> !solution.get().contains(line))
                .forEach(line -> differences.add("the stub has " + line + " that the solution lacks"));
        return differences;
    }
}
