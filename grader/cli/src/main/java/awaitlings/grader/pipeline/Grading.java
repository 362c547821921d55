package awaitlings.grader.pipeline;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.compile.LearnerCode;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.TextCap;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.run.GradedJvm;
import awaitlings.grader.sandbox.Permissions;
import awaitlings.grader.sandbox.Sandbox;
import awaitlings.grader.submission.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades one submission laid over the course: compiles each exercise's code on its own ({@link LearnerCode}), runs
 * the course's checks on what compiled in graded JVMs ({@link GradedJvm}), and puts the verdicts together, within
 * the submission's budget. A check that kills its JVM (System.exit, halt, a crash, running out of memory) or cannot
 * be stopped costs only itself. What comes out is capped: each message, each exercise's compiler errors, the whole.
 */
public final class Grading {

    /** The most all of a submission's messages may hold together. */
    static final int MAX_MESSAGES = 512 * 1024;
    /** The most one exercise's compiler errors may hold. */
    static final int MAX_COMPILE_ERRORS = 16 * 1024;

    private Grading() {
    }

    public static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options) {
        return grade(course, tests, workspace, options, Sandbox.detected().reaching(List.of(tests.root(), workspace.root())));
    }

    static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options, Sandbox sandbox) {
        return grade(course, tests, workspace, options, sandbox,
                (checks, deadline) -> LearnerCode.compile(course, checks, workspace, sandbox, deadline));
    }

    /**
     * A learner's own code on their own machine, as {@link #grade} grades it but compiled in this JVM, which is
     * faster once warm: the checks still run in graded JVMs, with every guard.
     */
    public static SubmissionResult gradeOwnCode(Course course, CompiledTests tests, Workspace workspace, GradeOptions options) {
        return grade(course, tests, workspace, options, Sandbox.detected().reaching(List.of(tests.root(), workspace.root())),
                (checks, deadline) -> LearnerCode.compileHere(course, checks, workspace));
    }

    private static SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options,
                                          Sandbox sandbox, Compiler compiler) {
        long started = System.nanoTime();
        long deadline = started + options.budget().toNanos();
        List<String> notes = new ArrayList<>(workspace.notes());
        if (!sandbox.isolated()) {
            notes.add(sandbox.note());
        }
        Permissions.shareWithOthers(workspace.root());
        // Without a sandbox the graded code runs as the grader's user: it gets tests of its own to spoil, if it must.
        CompiledTests checks = sandbox.isolated() ? tests : tests.privateCopy(workspace.root().resolve("tests"));
        LearnerCode code = compiler.compile(checks, deadline);
        List<GradedJvm.Exercise> runnable = checks.exercises().stream()
                .filter(exercise -> code.classes().containsKey(exercise.exercise()))
                .map(exercise -> new GradedJvm.Exercise(exercise, code.classes().get(exercise.exercise())))
                .toList();
        GradedJvm.Outcome outcome = new GradedJvm(checks, workspace.root(), options, sandbox).run(runnable, deadline);
        Map<String, ExerciseResult> byExercise = new HashMap<>();
        tests.needNewerJdk().forEach((exercise, release) -> byExercise.put(exercise, ExerciseResult.needingJdk(exercise, release)));
        int checkCount = checks.exercises().stream().mapToInt(exercise -> exercise.checks().size()).sum();
        int perMessage = Math.min(TextCap.MESSAGE, MAX_MESSAGES / Math.max(1, checkCount));
        for (CompiledTests.CompiledExercise exercise : checks.exercises()) {
            String errors = TextCap.cut(code.errors().getOrDefault(exercise.exercise(), ""), MAX_COMPILE_ERRORS);
            List<Verdict> verdicts = exercise.checks().keySet().stream()
                    .map(check -> errors.isEmpty() ? outcome.verdicts().get(check) : notCompiled(check))
                    .map(verdict -> verdict.withMessageCut(perMessage))
                    .toList();
            byExercise.put(exercise.exercise(), new ExerciseResult(exercise.exercise(), verdicts, errors,
                    outcome.crashed().contains(exercise.exercise()), outcome.timedOut().contains(exercise.exercise())));
        }
        List<ExerciseResult> exercises = course.exercises().stream().filter(byExercise::containsKey).map(byExercise::get).toList();
        List<String> tampered = new ArrayList<>(workspace.tampered());
        tampered.addAll(code.shadowing());
        return new SubmissionResult(workspace.id(), exercises, tampered, notes, outcome.output(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** How a submission's code is compiled against the checks, by the budget's end ({@link System#nanoTime()}). */
    private interface Compiler {
        LearnerCode compile(CompiledTests checks, long deadlineNanos);
    }

    /** A check of an exercise that did not compile; the compiler's errors are the exercise's, told once. */
    private static Verdict notCompiled(Check check) {
        return new Verdict(check, false, "Your code for " + check.exercise() + " did not compile, so this check could not run.");
    }
}
