package awaitlings.grader.report.platform;

import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.util.List;

/**
 * The {@code pass}/{@code fail}/{@code error} vocabulary that Exercism's test-runner results and GitHub Classroom's
 * runner results share. {@code error} means "nothing could run": for a check, its exercise did not compile; for a
 * submission, no exercise compiled.
 */
final class PlatformStatus {

    private PlatformStatus() {
    }

    static String of(Verdict verdict, ExerciseResult exercise) {
        if (!exercise.compileError().isEmpty()) {
            return "error";
        }
        return verdict.passed() ? "pass" : "fail";
    }

    static String of(SubmissionResult result) {
        if (nothingRan(result)) {
            return "error";
        }
        return result.verdicts().stream().allMatch(Verdict::passed) ? "pass" : "fail";
    }

    /** Whether no check could run because every exercise that was graded failed to compile. */
    static boolean nothingRan(SubmissionResult result) {
        List<ExerciseResult> graded = graded(result);
        return !graded.isEmpty() && graded.stream().noneMatch(exercise -> exercise.compileError().isEmpty());
    }

    /** For {@code error}: every graded exercise's javac diagnostics, each under its exercise's name. */
    static String compileErrors(SubmissionResult result) {
        StringBuilder text = new StringBuilder();
        for (ExerciseResult exercise : graded(result)) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(exercise.exercise()).append(" did not compile:\n").append(exercise.compileError().strip());
        }
        return text.toString();
    }

    private static List<ExerciseResult> graded(SubmissionResult result) {
        return result.exercises().stream().filter(exercise -> !exercise.needsNewerJdk()).toList();
    }
}
