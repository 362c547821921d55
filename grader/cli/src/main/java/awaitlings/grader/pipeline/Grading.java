package awaitlings.grader.pipeline;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.compile.LearnerCode;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.run.GradedJvm;
import awaitlings.grader.run.Sandbox;
import awaitlings.grader.submission.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades one submission laid over the course: compiles each exercise's code on its own ({@link LearnerCode}), runs
 * the course's checks on what compiled in graded JVMs ({@link GradedJvm}), and puts the verdicts together. A check
 * that kills its JVM (System.exit, halt, a crash, running out of memory) or cannot be stopped costs only itself.
 */
public final class Grading {

    private Grading() {
    }

    public static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options) {
        return grade(course, tests, workspace, options, Sandbox.forGrading(course.root(), tests.root(), workspace.root()));
    }

    static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options, Sandbox sandbox) {
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>(workspace.notes());
        if (!sandbox.isolated()) {
            notes.add(sandbox.note());
        }
        LearnerCode code = LearnerCode.compile(course, tests, workspace);
        List<GradedJvm.Exercise> runnable = tests.exercises().stream()
                .filter(exercise -> code.classes().containsKey(exercise.exercise()))
                .map(exercise -> new GradedJvm.Exercise(exercise, code.classes().get(exercise.exercise())))
                .toList();
        GradedJvm.Outcome outcome = new GradedJvm(course, tests, workspace.root(), options, sandbox)
                .run(runnable, started + options.budget().toNanos());
        List<ExerciseResult> exercises = new ArrayList<>();
        for (CompiledTests.CompiledExercise exercise : tests.exercises()) {
            String errors = code.errors().getOrDefault(exercise.exercise(), "");
            List<Verdict> verdicts = exercise.checks().keySet().stream()
                    .map(check -> errors.isEmpty() ? outcome.verdicts().get(check) : notCompiled(check, errors))
                    .toList();
            exercises.add(new ExerciseResult(exercise.exercise(), verdicts, errors,
                    outcome.crashed().contains(exercise.exercise()), outcome.timedOut().contains(exercise.exercise())));
        }
        return new SubmissionResult(workspace.id(), exercises, workspace.tampered(), notes, outcome.output(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Verdict notCompiled(Check check, String errors) {
        return new Verdict(check, false, "Your code for " + check.exercise() + " did not compile, so no check of it could run:"
                + System.lineSeparator() + errors);
    }
}
