package awaitlings.grader.model;

import java.util.List;

/**
 * One exercise of one submission.
 *
 * @param exercise      the exercise folder name
 * @param verdicts      one per check, in course order
 * @param compileError  javac's diagnostics when the learner's code did not compile, else empty
 * @param crashed       whether a check ended its JVM (System.exit, halt, crash, out of memory)
 * @param timedOut      whether a check was stopped by a time limit
 */
public record ExerciseResult(String exercise, List<Verdict> verdicts, String compileError, boolean crashed, boolean timedOut) {

    public int score() {
        return verdicts.stream().mapToInt(Verdict::score).sum();
    }

    public int maxScore() {
        return verdicts.stream().mapToInt(v -> v.check().points()).sum();
    }
}
