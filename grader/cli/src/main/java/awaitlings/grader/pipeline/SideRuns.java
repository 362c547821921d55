package awaitlings.grader.pipeline;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges what one side of the course got in each of its runs: every check must get the side's verdict (pass on the
 * solution, fail on the stub), and the same verdict in every run. A run the grader could not finish says nothing
 * about the checks, so it is left out of the verdicts and is a finding of its own.
 */
final class SideRuns {

    private SideRuns() {
    }

    /** The findings of {@code side}, whose results are {@code runs} in run order (run 1 first). */
    static List<Finding> judge(Side side, List<SubmissionResult> runs) {
        List<Finding> findings = new ArrayList<>();
        Map<Check, Map<Integer, Verdict>> byCheck = new LinkedHashMap<>();
        Set<String> notCompiled = new LinkedHashSet<>();
        Set<String> tampered = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            int run = i + 1;
            SubmissionResult result = runs.get(i);
            if (!result.graded()) {
                findings.add(new Finding("", "ungraded: run " + run + " on the " + side.label() + " could not be graded: "
                        + result.gradingError()));
                continue;
            }
            tampered.addAll(result.tampered());
            for (ExerciseResult exercise : result.exercises()) {
                // Code that does not compile fails every check: on a stub as it must, on a solution once, not per check.
                if (!exercise.compileError().isEmpty() && side.mustPass()) {
                    if (notCompiled.add(exercise.exercise())) {
                        findings.add(new Finding(exercise.exercise(), "failing: " + exercise.exercise() + ": the solution does not compile: "
                                + firstLine(exercise.compileError())));
                    }
                    continue;
                }
                exercise.verdicts().forEach(verdict -> byCheck.computeIfAbsent(verdict.check(), check -> new TreeMap<>()).put(run, verdict));
            }
        }
        tampered.forEach(entry -> findings.add(new Finding("", "tampered: on the " + side.label() + ": " + entry)));
        byCheck.forEach((check, verdicts) -> judge(side, check, verdicts).ifPresent(findings::add));
        return findings;
    }

    private static Optional<Finding> judge(Side side, Check check, Map<Integer, Verdict> byRun) {
        List<Integer> passed = byRun.entrySet().stream().filter(run -> run.getValue().passed()).map(Map.Entry::getKey).toList();
        List<Integer> failed = byRun.entrySet().stream().filter(run -> !run.getValue().passed()).map(Map.Entry::getKey).toList();
        String named = check.exercise() + " › " + check.name();
        if (!passed.isEmpty() && !failed.isEmpty()) {
            return Optional.of(new Finding(check.exercise(), "flaky: " + named + ": passed in " + runs(passed) + "; failed in "
                    + runs(failed) + " on the " + side.label()));
        }
        if (side.mustPass() && !failed.isEmpty()) {
            String message = firstLine(byRun.get(failed.get(0)).message());
            return Optional.of(new Finding(check.exercise(), "failing: " + named + " fails on the " + side.label()
                    + (message.isEmpty() ? "" : ": " + message)));
        }
        if (!side.mustPass() && !passed.isEmpty()) {
            return Optional.of(new Finding(check.exercise(), "vacuous: " + named + " passes on the " + side.label()));
        }
        return Optional.empty();
    }

    /** {@code run 2} or {@code runs 1,3}. */
    private static String runs(List<Integer> runs) {
        return (runs.size() == 1 ? "run " : "runs ") + runs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }
}
