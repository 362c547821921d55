package awaitlings.grader.model;

import java.util.List;

/**
 * One exercise of one submission. An exercise written for a newer Java than the grader's JDK is not graded at all:
 * it has no verdicts, scores nothing out of nothing, and says which JDK it needs.
 *
 * @param exercise      the exercise folder name
 * @param verdicts      one per check, in course order
 * @param compileError  javac's diagnostics when the learner's code did not compile, else empty
 * @param crashed       whether a check ended its JVM (System.exit, halt, crash, out of memory)
 * @param timedOut      whether a check was stopped by a time limit
 * @param needsJdk      the Java release the exercise needs when the grader's JDK was older and so did not grade it,
 *                      else 0
 */
public record ExerciseResult(String exercise, List<Verdict> verdicts, String compileError, boolean crashed, boolean timedOut,
                             int needsJdk) {

    /** An exercise that was graded. */
    public ExerciseResult(String exercise, List<Verdict> verdicts, String compileError, boolean crashed, boolean timedOut) {
        this(exercise, verdicts, compileError, crashed, timedOut, 0);
    }

    /** An exercise the grader's JDK cannot grade: it is written for Java {@code release}. */
    public static ExerciseResult needingJdk(String exercise, int release) {
        return new ExerciseResult(exercise, List.of(), "", false, false, release);
    }

    /** Whether the grader's JDK was too old to grade this exercise. */
    public boolean needsNewerJdk() {
        return needsJdk > 0;
    }

    /** What every report says of an exercise that was not graded for its JDK: "needs JDK 21+". */
    public String needsJdkText() {
        return "needs JDK " + needsJdk + "+";
    }

    public int score() {
        return verdicts.stream().mapToInt(Verdict::score).sum();
    }

    public int maxScore() {
        return verdicts.stream().mapToInt(v -> v.check().points()).sum();
    }
}
