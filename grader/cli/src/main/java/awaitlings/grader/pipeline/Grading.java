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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long started = System.nanoTime();
        long deadline = started + options.budget().toNanos();
        CompiledTests checks = checksFor(tests, workspace, sandbox);
        LearnerCode code = LearnerCode.compile(course, checks, workspace, sandbox, deadline);
        GradedJvm.Outcome outcome = new GradedJvm(checks, workspace.root(), options, sandbox).run(runnable(checks, code), deadline);
        return result(course, tests, checks, workspace, sandbox, code, outcome, started);
    }

    /**
     * A learner's own code on their own machine, graded as {@link #grade} grades it, but faster: compiled in this
     * JVM, which is warm from the last save, and checked in a graded JVM started before the code was there, while
     * the learner edits. The checks still run in graded JVMs, with every guard.
     */
    public static final class OwnCode implements AutoCloseable {
        private final Course course;
        private final CompiledTests tests;
        private final Workspace workspace;
        private final GradeOptions options;
        private final Sandbox sandbox;
        private final CompiledTests checks;
        private final GradedJvm jvms;
        private final List<GradedJvm.Standby> standbys = new ArrayList<>();

        /** Sets up the grading of what will be in {@code workspace}, one graded JVM per exercise started already. */
        public OwnCode(Course course, CompiledTests tests, Workspace workspace, GradeOptions options) throws IOException {
            this.course = course;
            this.tests = tests;
            this.workspace = workspace;
            this.options = options;
            this.sandbox = Sandbox.detected().reaching(List.of(tests.root(), workspace.root()));
            this.checks = checksFor(tests, workspace, sandbox);
            this.jvms = new GradedJvm(checks, workspace.root(), options, sandbox);
            try {
                for (CompiledTests.CompiledExercise exercise : checks.exercises()) {
                    Path classes = Files.createDirectories(LearnerCode.classesFolder(workspace, exercise.exercise()));
                    standbys.add(jvms.standBy(new GradedJvm.Exercise(exercise, classes)));
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Grades the code now in the workspace; once. */
        public SubmissionResult grade() {
            long started = System.nanoTime();
            long deadline = started + options.budget().toNanos();
            LearnerCode code = LearnerCode.compileHere(course, checks, workspace);
            GradedJvm.Outcome outcome = jvms.run(runnable(checks, code), deadline, standbys);
            return result(course, tests, checks, workspace, sandbox, code, outcome, started);
        }

        @Override
        public void close() {
            standbys.forEach(GradedJvm.Standby::close);
        }
    }

    /** The checks a submission's JVMs see: without a sandbox they run as the grader's user, so they get a copy to spoil, if they must. */
    private static CompiledTests checksFor(CompiledTests tests, Workspace workspace, Sandbox sandbox) {
        Permissions.shareWithOthers(workspace.root());
        return sandbox.isolated() ? tests : tests.privateCopy(workspace.root().resolve("tests"));
    }

    private static List<GradedJvm.Exercise> runnable(CompiledTests checks, LearnerCode code) {
        return checks.exercises().stream()
                .filter(exercise -> code.classes().containsKey(exercise.exercise()))
                .map(exercise -> new GradedJvm.Exercise(exercise, code.classes().get(exercise.exercise())))
                .toList();
    }

    private static SubmissionResult result(Course course, CompiledTests tests, CompiledTests checks, Workspace workspace, Sandbox sandbox,
                                           LearnerCode code, GradedJvm.Outcome outcome, long startedNanos) {
        List<String> notes = new ArrayList<>(workspace.notes());
        if (!sandbox.isolated()) {
            notes.add(sandbox.note());
        }
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
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** A check of an exercise that did not compile; the compiler's errors are the exercise's, told once. */
    private static Verdict notCompiled(Check check) {
        return new Verdict(check, false, "Your code for " + check.exercise() + " did not compile, so this check could not run.");
    }
}
