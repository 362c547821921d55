package awaitlings.grader.pipeline;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.submission.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rechecks one exercise of the learner's own clone, again and again, as {@code grade} would grade it: its visible
 * tests, compiled once, run on a fresh copy of the learner's sources in a graded JVM, with its hang guard, leak check
 * and containment. Each recheck's graded JVM is started as the last one ends, so that it is ready at the next save.
 * A loop, a {@code System.exit} or a crash of the learner's code costs that one recheck, never the caller. Compiler
 * errors name the learner's own files, from the course's root.
 */
public final class Recheck implements AutoCloseable {

    private static final Pattern FILE_AND_LINE = Pattern.compile("(?m)^(\\S+\\.java:\\d+:)");

    private final Course course;
    private final String exercise;
    private final GradeOptions options;
    private final Path scratch;
    private CompiledTests tests;
    private int runs;
    /** The next recheck's folder and grading, its graded JVM already started: it boots while the learner edits. */
    private Path nextRun;
    private Grading.OwnCode next;

    /**
     * @param course   the learner's clone
     * @param exercise its folder name, e.g. {@code 01-coffee-shop}
     */
    public Recheck(Course course, String exercise, Duration testLimit, Duration budget) throws IOException {
        this.course = course.only(exercise);
        this.exercise = this.course.exercises().get(0);
        this.options = new GradeOptions(false, testLimit, budget);
        this.scratch = Folders.newScratch("awaitlings-recheck-");
    }

    public String exercise() {
        return exercise;
    }

    /** The exercise's verdicts on the learner's code as it is now. */
    public ExerciseResult run() throws IOException {
        Path sources = course.exercise(exercise).resolve("src/main");
        if (tests == null) {
            // The checks are compiled against the learner's own code, the only copy of the exercise there is.
            try {
                tests = CompiledTests.compile(course, Files.createDirectories(scratch.resolve("tests")), false);
            } catch (IllegalStateException notCompiled) {
                Folders.delete(scratch.resolve("tests"));
                String message = notCompiled.getMessage();
                String tree = message.lines().findFirst().orElse("").contains("visible tests") ? "src/test/java/" : "src/main/java/";
                return new ExerciseResult(exercise, List.of(), inCourse(withoutPreamble(message), tree), false, false);
            }
        }
        if (!tests.needNewerJdk().isEmpty()) {
            return ExerciseResult.needingJdk(exercise, tests.needNewerJdk().get(exercise));
        }
        if (next == null) {
            prepareNext();
        }
        ExerciseResult graded;
        try {
            Folders.copy(sources, nextRun.resolve("code").resolve(exercise).resolve("src/main"));
            graded = next.grade().exercises().get(0);
        } finally {
            next.close();
            next = null;
            Folders.delete(nextRun);
        }
        prepareAhead();
        return new ExerciseResult(exercise, graded.verdicts(), inCourse(graded.compileError(), "src/main/java/"),
                graded.crashed(), graded.timedOut());
    }

    private void prepareNext() throws IOException {
        nextRun = scratch.resolve("run-" + ++runs);
        next = new Grading.OwnCode(course, tests, new Workspace("you", Files.createDirectories(nextRun.resolve("code")), List.of(), List.of()), options);
    }

    /** The verdicts just found are never lost to the next JVM's start: if it fails, the next recheck says why. */
    private void prepareAhead() {
        try {
            prepareNext();
        } catch (IOException | RuntimeException notNow) {
            next = null;
        }
    }

    /** javac's diagnostics with each file named from the course's root, as the learner sees it in their editor. */
    private String inCourse(String errors, String tree) {
        String prefix = "exercises/" + exercise + "/" + tree;
        return FILE_AND_LINE.matcher(errors).replaceAll(match -> Matcher.quoteReplacement(prefix + match.group(1)));
    }

    /** javac's diagnostics, without the line that blames the course: here the course is the learner's. */
    private static String withoutPreamble(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(newline + 1);
    }

    @Override
    public void close() throws IOException {
        if (next != null) {
            next.close();
        }
        Folders.delete(scratch);
    }
}
