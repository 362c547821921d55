package awaitlings.grader.report.platform;

import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionFlags;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The words a learner reads in the platform formats (Gradescope, Exercism, Classroom, JUnit): a check's message
 * with its hint, and a short account of the whole submission. Instructor-only facts (the grader's notes, what the
 * code printed, which may include hidden checks' banners) are left out on purpose.
 */
final class LearnerText {

    private LearnerText() {
    }

    /**
     * The verdict's message, followed by its hint when it failed and has one; empty when it passed. When the
     * exercise did not compile, its first check carries javac's errors and the others point there: the errors are
     * told once per exercise, not once per check.
     */
    static String of(Verdict verdict, ExerciseResult exercise) {
        if (verdict.passed()) {
            return verdict.message();
        }
        if (!exercise.compileError().isEmpty()) {
            Verdict first = exercise.verdicts().get(0);
            return verdict.equals(first)
                    ? verdict.message() + "\n\njavac's errors:\n" + exercise.compileError().strip()
                    : verdict.message() + " javac's errors are under this exercise's first check, \"" + first.check().name() + "\".";
        }
        String hint = verdict.hint();
        return hint.isBlank() ? verdict.message() : verdict.message().stripTrailing() + "\n\nHint: " + hint.strip();
    }

    /**
     * One paragraph per fact: the score, then whether the grader could not grade it, which exercises need a newer
     * JDK than the grader's, what did not compile, crashed, timed out, and what was tampered with.
     */
    static String summary(SubmissionResult result) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(result.score() + " of " + result.maxScore() + " points.");
        if (!result.graded()) {
            paragraphs.add("The grader could not grade this submission (" + result.gradingError() + "): none of its"
                    + " checks ran. This is not about your code; the instructor has been told.");
        }
        for (ExerciseResult exercise : result.exercises()) {
            if (exercise.needsNewerJdk()) {
                paragraphs.add(exercise.exercise() + " was not graded: it " + exercise.needsJdkText()
                        + ", and the grader ran on an older JDK. It is not counted in the points above.");
            }
        }
        for (String exercise : SubmissionFlags.exercisesWhere(result, e -> !e.compileError().isEmpty())) {
            paragraphs.add(exercise + " did not compile, so none of its checks could run: its first check shows"
                    + " javac's errors.");
        }
        for (String exercise : SubmissionFlags.exercisesWhere(result, ExerciseResult::crashed)) {
            paragraphs.add("In " + exercise + " a check ended the test JVM (System.exit, a crash or running out of"
                    + " memory): that check failed, the others were still graded.");
        }
        for (String exercise : SubmissionFlags.exercisesWhere(result, ExerciseResult::timedOut)) {
            paragraphs.add("In " + exercise + " a check was stopped by a time limit: its message says which and why.");
        }
        if (!result.tampered().isEmpty()) {
            paragraphs.add("You changed files that belong to the course, or brought files that would stand in for its"
                    + " checks. They were not used: the course's own were graded instead.\n  " + String.join("\n  ", result.tampered()));
        }
        return String.join("\n\n", paragraphs);
    }
}
