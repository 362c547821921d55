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

    /** The verdict's message, followed by the check's hint when it failed and has one; empty when it passed. */
    static String of(Verdict verdict) {
        if (verdict.passed()) {
            return verdict.message();
        }
        String hint = verdict.check().hint();
        return hint.isBlank() ? verdict.message() : verdict.message().stripTrailing() + "\n\nHint: " + hint.strip();
    }

    /** One paragraph per fact: the score, then what did not compile, crashed, timed out, and what was tampered with. */
    static String summary(SubmissionResult result) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(result.score() + " of " + result.maxScore() + " points.");
        for (String exercise : SubmissionFlags.exercisesWhere(result, e -> !e.compileError().isEmpty())) {
            paragraphs.add(exercise + " did not compile, so none of its checks could run: each of its checks shows"
                    + " javac's diagnostics.");
        }
        for (String exercise : SubmissionFlags.exercisesWhere(result, ExerciseResult::crashed)) {
            paragraphs.add("In " + exercise + " a check ended the test JVM (System.exit, a crash or running out of"
                    + " memory): that check failed, the others were still graded.");
        }
        for (String exercise : SubmissionFlags.exercisesWhere(result, ExerciseResult::timedOut)) {
            paragraphs.add("In " + exercise + " a check was stopped by a time limit: its message says which and why.");
        }
        if (!result.tampered().isEmpty()) {
            paragraphs.add("You changed files that belong to the course. They were not used: the course's own copies"
                    + " were graded instead.\n  " + String.join("\n  ", result.tampered()));
        }
        return String.join("\n\n", paragraphs);
    }
}
