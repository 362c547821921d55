package awaitlings.grader.compile;

import awaitlings.grader.model.Course;
import awaitlings.grader.submission.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submission's code, compiled one exercise at a time, so that a compile error costs that exercise only. An
 * exercise the submission has no sources for is the course's stub.
 *
 * @param classes the compiled classes of each exercise that compiled, in course order
 * @param errors  javac's diagnostics of each exercise that did not
 */
public record LearnerCode(Map<String, Path> classes, Map<String, String> errors) {

    public static LearnerCode compile(Course course, CompiledTests tests, Workspace workspace) {
        Map<String, Path> classes = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (CompiledTests.CompiledExercise exercise : tests.exercises()) {
            String name = exercise.exercise();
            Path sources = Files.isDirectory(workspace.sources(name)) ? workspace.sources(name) : course.exercise(name).resolve("src/main/java");
            Path out = workspace.root().resolve(name).resolve("classes");
            // The learner's code sees only the JDK: the harness and the tests are not theirs to call.
            String diagnostics = Javac.compile(sources, "", out);
            if (diagnostics.isEmpty()) {
                classes.put(name, out);
            } else {
                errors.put(name, diagnostics);
            }
        }
        return new LearnerCode(classes, errors);
    }
}
