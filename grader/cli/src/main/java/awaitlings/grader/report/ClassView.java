package awaitlings.grader.report;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionFlags;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a whole class did, counted from the results alone: per exercise, how many submissions passed each check (the
 * most-failed first, so the misconception most of the class shares heads its list) and how the scores spread; and
 * how many submissions carry each flag. A submission the grader could not grade failed nothing of its own: it is
 * counted among the flags but left out of the checks and the scores. So is an exercise the grader's JDK could not
 * grade.
 *
 * @param graded    how many submissions the grader could grade
 * @param notGraded how many it could not
 * @param exercises one per exercise, in course order
 * @param flags     how many submissions carry each kind of flag, every kind in {@link SubmissionFlags#KINDS}' order,
 *                  none too
 */
record ClassView(int graded, int notGraded, List<ExerciseTally> exercises, List<FlagCount> flags) {

    /** How many of {@code of} submissions passed {@code check}. */
    record CheckTally(Check check, int passed, int of) {

        int failed() {
            return of - passed;
        }

        /** The share that passed, in whole percent rounded down, so that a bar never looks fuller than it is. */
        int percent() {
            return of == 0 ? 0 : 100 * passed / of;
        }
    }

    /**
     * @param exercise    the exercise folder
     * @param submissions how many graded submissions hold it
     * @param notCompiled how many of them did not compile (and so failed every check)
     * @param checks      its checks, the lowest share passed first, ties in course order
     * @param scores      how many submissions scored 0, 1, … up to the exercise's most points
     */
    record ExerciseTally(String exercise, int submissions, int notCompiled, List<CheckTally> checks, List<Integer> scores) {
    }

    /** How many submissions carry a flag of {@code kind}, one of {@link SubmissionFlags#KINDS}. */
    record FlagCount(String kind, int submissions) {
    }

    /** Most-failed first: the lower share passed comes first (compared without rounding), ties keep course order. */
    static final Comparator<CheckTally> MOST_FAILED_FIRST =
            (a, b) -> Long.compare((long) a.passed() * b.of(), (long) b.passed() * a.of());

    static ClassView of(List<SubmissionResult> all, List<String> exercises) {
        List<SubmissionResult> graded = all.stream().filter(SubmissionResult::graded).toList();
        List<ExerciseTally> tallies = exercises.stream().map(exercise -> tally(exercise, graded)).toList();
        return new ClassView(graded.size(), all.size() - graded.size(), tallies, flags(all));
    }

    private static ExerciseTally tally(String exercise, List<SubmissionResult> graded) {
        List<ExerciseResult> results = graded.stream().map(result -> Gradebook.find(result, exercise))
                .flatMap(Optional::stream).filter(result -> !result.needsNewerJdk()).toList();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Check> checks = new LinkedHashMap<>();
        for (ExerciseResult result : results) {
            for (Verdict verdict : result.verdicts()) {
                checks.putIfAbsent(verdict.check().id(), verdict.check());
                int[] passedOf = counts.computeIfAbsent(verdict.check().id(), id -> new int[2]);
                passedOf[0] += verdict.passed() ? 1 : 0;
                passedOf[1]++;
            }
        }
        List<CheckTally> sorted = checks.values().stream()
                .map(check -> new CheckTally(check, counts.get(check.id())[0], counts.get(check.id())[1]))
                .sorted(MOST_FAILED_FIRST).toList();
        int notCompiled = (int) results.stream().filter(result -> !result.compileError().isEmpty()).count();
        return new ExerciseTally(exercise, results.size(), notCompiled, sorted, scores(results));
    }

    private static List<Integer> scores(List<ExerciseResult> results) {
        int most = results.stream().mapToInt(ExerciseResult::maxScore).max().orElse(0);
        List<Integer> scores = new ArrayList<>(Collections.nCopies(most + 1, 0));
        results.forEach(result -> scores.set(result.score(), scores.get(result.score()) + 1));
        return List.copyOf(scores);
    }

    private static List<FlagCount> flags(List<SubmissionResult> all) {
        return SubmissionFlags.KINDS.stream().map(kind -> new FlagCount(kind, (int) all.stream()
                .filter(result -> SubmissionFlags.of(result).stream().map(SubmissionFlags::kind).anyMatch(kind::equals))
                .count())).toList();
    }
}
