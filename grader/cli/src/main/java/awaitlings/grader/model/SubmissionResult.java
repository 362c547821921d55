package awaitlings.grader.model;

import java.time.Duration;
import java.util.List;

/**
 * Everything the grader knows about one submission: what every output format is written from.
 *
 * @param id         the submission's folder or zip name
 * @param exercises  one per exercise of the course, in course order
 * @param tampered   protected files (tests, poms, grader, .mvn, .ci) the submission changed; never used
 * @param notes      facts an instructor should know, e.g. that the network could not be cut off
 * @param output     what the graded code printed, capped (head and tail)
 * @param time       how long grading took
 */
public record SubmissionResult(String id, List<ExerciseResult> exercises, List<String> tampered, List<String> notes,
                               String output, Duration time) {

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
