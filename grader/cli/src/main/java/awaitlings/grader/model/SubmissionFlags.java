package awaitlings.grader.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What an instructor should look at in a submission beyond its score, as short tokens: {@code not-graded} (the
 * grader's own trouble), {@code tampered}, {@code compile-errors(<exercises>)}, {@code crashed}, {@code timed-out},
 * in that order, each at most once.
 */
public final class SubmissionFlags {

    private static final String NOT_GRADED = "not-graded";
    private static final String TAMPERED = "tampered";
    private static final String COMPILE_ERRORS = "compile-errors";
    private static final String CRASHED = "crashed";
    private static final String TIMED_OUT = "timed-out";

    /** Every kind of flag, in the order a submission's flags come: a token is its kind, maybe with a list after it. */
    public static final List<String> KINDS = List.of(NOT_GRADED, TAMPERED, COMPILE_ERRORS, CRASHED, TIMED_OUT);

    private SubmissionFlags() {
    }

    public static List<String> of(SubmissionResult result) {
        List<String> flags = new ArrayList<>();
        if (!result.graded()) {
            flags.add(NOT_GRADED);
        }
        if (!result.tampered().isEmpty()) {
            flags.add(TAMPERED);
        }
        List<String> notCompiled = exercisesWhere(result, exercise -> !exercise.compileError().isEmpty());
        if (!notCompiled.isEmpty()) {
            flags.add(COMPILE_ERRORS + "(" + String.join(",", notCompiled) + ")");
        }
        if (!exercisesWhere(result, ExerciseResult::crashed).isEmpty()) {
            flags.add(CRASHED);
        }
        if (!exercisesWhere(result, ExerciseResult::timedOut).isEmpty()) {
            flags.add(TIMED_OUT);
        }
        return flags;
    }

    /** The kind of a flag: {@code compile-errors} of {@code compile-errors(02-future-not-value)}. */
    public static String kind(String flag) {
        int paren = flag.indexOf('(');
        return paren < 0 ? flag : flag.substring(0, paren);
    }

    /** The flags as one field: {@code ;}-joined, empty when there is nothing to look at. */
    public static String joined(SubmissionResult result) {
        return String.join(";", of(result));
    }

    public static List<String> exercisesWhere(SubmissionResult result, Predicate<ExerciseResult> condition) {
        return result.exercises().stream().filter(condition).map(ExerciseResult::exercise).collect(Collectors.toList());
    }
}
