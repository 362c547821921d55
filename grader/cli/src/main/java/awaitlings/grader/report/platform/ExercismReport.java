package awaitlings.grader.report.platform;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Results as Exercism's test-runner interface, version 3, describes them: {@code version}, {@code status}
 * ({@code pass}, {@code fail}, or {@code error} when no exercise compiled), {@code message} (javac's diagnostics on
 * {@code error}, else null), and one test per check in course order with {@code name}, {@code status}, unless it
 * passed {@code message}, {@code test_code} when the test's source may be shown, and {@code task_id} when the check
 * names its task ("task 3 · …"). The grader captures no output per check, so {@code output} is left out.
 */
public final class ExercismReport {

    private static final Pattern TASK = Pattern.compile("^task (\\d{1,4}) · ");

    private ExercismReport() {
    }

    /**
     * The whole submission, for {@code grade}'s {@code exercism.json}: names say the exercise ("NN-topic › check",
     * hidden checks starting with "[hidden] "), and no test code is shown.
     */
    public static String render(SubmissionResult result) {
        return render(result, CheckLabels::marked, check -> "");
    }

    /**
     * One exercise, for Exercism's own {@code results.json}: names are the checks' sentences (hidden ones marked),
     * and {@code testCode} gives each check's source, empty where it must not be shown.
     */
    public static String renderExercise(SubmissionResult result, Function<Check, String> testCode) {
        return render(result, CheckLabels::markedName, testCode);
    }

    private static String render(SubmissionResult result, Function<Check, String> name, Function<Check, String> testCode) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("version", 3);
        String status = PlatformStatus.of(result);
        root.put("status", status);
        if (status.equals("error")) {
            root.put("message", PlatformStatus.compileErrors(result));
        } else {
            root.putNull("message");
        }
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : result.exercises()) {
            for (Verdict verdict : exercise.verdicts()) {
                Check check = verdict.check();
                ObjectNode test = tests.addObject();
                test.put("name", name.apply(check));
                test.put("status", PlatformStatus.of(verdict, exercise));
                if (!verdict.passed()) {
                    test.put("message", LearnerText.of(verdict, exercise));
                }
                String code = testCode.apply(check);
                if (!code.isEmpty()) {
                    test.put("test_code", code);
                }
                Matcher task = TASK.matcher(check.name());
                if (task.find()) {
                    test.put("task_id", Integer.parseInt(task.group(1)));
                }
            }
        }
        return ResultJson.write(root);
    }
}
