package awaitlings.grader.report.platform;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.TextCap;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code classroom.json}: a runner's result as GitHub Classroom's grading reporter reads it (base64-encoded, from an
 * environment variable {@code <RUNNER>_RESULTS}). {@code version} 1, {@code status} ({@code pass}, {@code fail}, or
 * {@code error} when no exercise compiled), {@code max_score}, and the {@code tests}, each with {@code name}
 * ("NN-topic › check", hidden checks starting with "[hidden] "), {@code status}, {@code score}, {@code filename} and
 * {@code line_no} of the test method, {@code duration} in milliseconds and, unless it passed, {@code message}.
 *
 * <p>Three things follow from how the reporter reads it. It prints a failed test's name and its {@code test_code},
 * never its {@code message} (only an {@code error}'s), so a failing check's {@code test_code} names the test and
 * carries the message and hint.
 * It counts a runner's points as passed tests over all tests times {@code max_score}, so a check worth more than one
 * point is written as one test per point ("· point 2 of 3"), and its printed totals are the grader's. And the
 * environment variable must stay under Linux's 128 KiB for one string, so messages are cut shorter until the file
 * fits in {@value #MAX_BYTES} bytes.
 */
public final class ClassroomReport {

    /** Base64 makes 4 bytes of 3: 64 KiB of JSON is 87 KiB in the environment, well under the kernel's 128 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private static final List<Integer> MESSAGE_CAPS = List.of(TextCap.MESSAGE, 1024, 256, 64);

    private ClassroomReport() {
    }

    public static String render(SubmissionResult result) {
        String json = "";
        for (int cap : MESSAGE_CAPS) {
            json = render(result, cap);
            if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
                break;
            }
        }
        return json;
    }

    private static String render(SubmissionResult result, int messageCap) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("version", 1);
        root.put("status", PlatformStatus.of(result));
        root.put("max_score", result.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : result.exercises()) {
            for (Verdict verdict : exercise.verdicts()) {
                addTests(tests, verdict, exercise, messageCap);
            }
        }
        return ResultJson.write(root);
    }

    private static void addTests(ArrayNode tests, Verdict verdict, ExerciseResult exercise, int messageCap) {
        Check check = verdict.check();
        int points = check.points();
        String status = PlatformStatus.of(verdict, exercise);
        for (int point = 1; point <= Math.max(1, points); point++) {
            ObjectNode test = tests.addObject();
            test.put("name", CheckLabels.marked(check) + (points > 1 ? " · point " + point + " of " + points : ""));
            test.put("status", status);
            test.put("score", verdict.passed() && points > 0 ? 1 : 0);
            test.put("filename", check.file());
            test.put("line_no", check.line());
            test.put("duration", point == 1 ? verdict.time().toMillis() : 0);
            if (!verdict.passed() && point == 1) {
                String text = TextCap.cut(LearnerText.of(verdict, exercise), messageCap);
                test.put("message", text);
                if (!status.equals("error")) { // the reporter prints an error's message itself
                    test.put("test_code", check.id() + (check.file().isEmpty() ? "" : " in " + check.file()) + "\n\n" + text);
                }
            }
        }
    }
}
