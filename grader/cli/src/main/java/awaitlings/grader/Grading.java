package awaitlings.grader;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades one submission: compiles each exercise's code on its own (a compile error costs that exercise only), then
 * runs the course's checks in graded JVMs ({@link GradedJvm}). A check that kills its JVM (System.exit, halt, a
 * crash, running out of memory) or cannot be stopped costs only itself: the remaining checks run in a new JVM.
 */
public final class Grading {

    private Grading() {
    }

    public static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options) {
        Sandbox sandbox = Sandbox.detected();
        if (sandbox.isolated() && !(Permissions.reachableByOthers(workspace.root()) && Permissions.reachableByOthers(tests.root()))) {
            sandbox = Sandbox.plain("The graded code ran as the grader's own user, with the network reachable: the work"
                    + " folders sit in a folder other users cannot enter, so a sandboxed JVM could not read them.");
        }
        if (sandbox.isolated() && (workspace.root().startsWith(course.root()) || tests.root().startsWith(course.root())
                || Path.of(System.getProperty("java.home")).startsWith(course.root()))) {
            sandbox = Sandbox.plain("The graded code ran unsandboxed: the work folders or the JDK sit inside the course"
                    + " checkout, which the sandbox hides from graded code.");
        }
        return grade(course, tests, workspace, options, sandbox);
    }

    static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options, Sandbox sandbox) {
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>(workspace.notes());
        if (!sandbox.isolated()) {
            notes.add(sandbox.note());
        }
        Map<String, String> compileErrors = new LinkedHashMap<>();
        List<GradedJvm.Exercise> runnable = new ArrayList<>();
        for (CompiledTests.CompiledExercise exercise : tests.exercises()) {
            Path sources = Files.isDirectory(workspace.sources(exercise.exercise()))
                    ? workspace.sources(exercise.exercise())
                    : course.exercise(exercise.exercise()).resolve("src/main/java");
            Path classes = workspace.root().resolve(exercise.exercise()).resolve("classes");
            // The learner's code sees only the JDK: the harness and the tests are not theirs to call.
            String errors = Javac.compile(sources, "", classes);
            if (errors.isEmpty()) {
                runnable.add(new GradedJvm.Exercise(exercise, classes));
            } else {
                compileErrors.put(exercise.exercise(), errors);
            }
        }
        Permissions.shareWithOthers(workspace.root());
        GradedJvm.Outcome outcome = new GradedJvm(course, tests, workspace.root(), options, sandbox).run(runnable, budgetEnd(started, options));
        List<ExerciseResult> exercises = new ArrayList<>();
        for (CompiledTests.CompiledExercise exercise : tests.exercises()) {
            String errors = compileErrors.getOrDefault(exercise.exercise(), "");
            List<Verdict> verdicts = exercise.checks().keySet().stream()
                    .map(check -> errors.isEmpty() ? outcome.verdicts().get(check) : notCompiled(check, errors))
                    .toList();
            exercises.add(new ExerciseResult(exercise.exercise(), verdicts, errors,
                    outcome.crashed().contains(exercise.exercise()), outcome.timedOut().contains(exercise.exercise())));
        }
        return new SubmissionResult(workspace.id(), exercises, workspace.tampered(), notes, outcome.output(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static long budgetEnd(long started, GradeOptions options) {
        return started + options.budget().toNanos();
    }

    private static Verdict notCompiled(Check check, String errors) {
        return new Verdict(check, false, "Your code for " + check.exercise() + " did not compile, so no check of it could run:"
                + System.lineSeparator() + errors);
    }

    static void writeJson(Path file, Object value) {
        try {
            Files.writeString(file, new ObjectMapper().writeValueAsString(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
