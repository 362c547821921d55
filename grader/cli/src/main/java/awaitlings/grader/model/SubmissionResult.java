package awaitlings.grader.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the grader knows about one submission: what every output format is written from.
 *
 * @param id           the submission's folder or zip name
 * @param exercises    one per exercise of the course, in course order
 * @param tampered     protected files (tests, poms, grader, .mvn, .ci) the submission changed, and classes or
 *                     configuration files of its own that would stand in for the checks'; never used
 * @param notes        facts an instructor should know, e.g. that the graded code ran without a sandbox
 * @param output       what the graded code printed, capped (head and tail)
 * @param time         how long grading took
 * @param gradingError why the grader could not grade it at all, else empty; such a result scores nothing and a
 *                     later run grades the submission again
 */
public record SubmissionResult(String id, List<ExerciseResult> exercises, List<String> tampered, List<String> notes,
                               String output, Duration time, String gradingError) {

    public SubmissionResult {
        gradingError = gradingError == null ? "" : gradingError;
    }

    /** A result the grader could finish. */
    public SubmissionResult(String id, List<ExerciseResult> exercises, List<String> tampered, List<String> notes,
                            String output, Duration time) {
        this(id, exercises, tampered, notes, output, time, "");
    }

    /**
     * The result of a submission the grader could not grade: every check of {@code checks} (by exercise, in course
     * order) failed, for {@code why}, which is the grader's own trouble, not the learner's code.
     */
    public static SubmissionResult notGraded(String id, Map<String, List<Check>> checks, String why, Duration time) {
        String message = "The grader could not grade this submission (" + why + "), so this check did not run."
                + " This is not about your code: the instructor has been told.";
        List<ExerciseResult> failed = checks.entrySet().stream().map(exercise -> new ExerciseResult(exercise.getKey(),
                exercise.getValue().stream().map(check -> new Verdict(check, false, message)).toList(), "", false, false)).toList();
        return new SubmissionResult(id, failed, List.of(), List.of(), "", time, why);
    }

    public boolean graded() {
        return gradingError.isEmpty();
    }

    public int score() {
        return exercises.stream().mapToInt(ExerciseResult::score).sum();
    }

    public int maxScore() {
        return exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
    }

    public List<Verdict> verdicts() {
        return exercises.stream().flatMap(e -> e.verdicts().stream()).toList();
    }
}
