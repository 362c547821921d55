package awaitlings.grader.report.platform;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.TextCap;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code classroom.json}: a runner's result as GitHub Classroom's grading reporter reads it (base64-encoded, from an
 * environment variable {@code <RUNNER>_RESULTS}). {@code version} 1, {@code status} ({@code pass}, {@code fail}, or
 * {@code error} when no exercise compiled), {@code max_score}, and the {@code tests}, each with {@code name}
 * ("NN-topic › check", hidden checks starting with "[hidden] "), {@code status}, {@code score}, {@code filename} and
 * {@code line_no} of the test method, {@code duration} in milliseconds and, unless it passed, what went wrong:
 * an error's {@code message} (after the check's name), a failure's {@code test_code}.
 *
 * <p>Three things follow from how the reporter reads it. It prints a failed test's name, line and {@code test_code},
 * never its {@code message} (of an {@code error} it prints only the message, not even the name), so a failing check's
 * {@code test_code} says where the test is and carries the message and hint, told once, and an error's message
 * starts with the check's name. It counts a runner's points as passed tests over all tests times
 * {@code max_score}, so a check worth more than one point is written as one test per point ("· point 2 of 3"), and
 * its printed totals are the grader's. And the environment variable must stay under the kernel's 128 KiB for one
 * string, so the file is written without indentation, and when it would be bigger than {@value #MAX_BYTES} bytes,
 * every failure's text is cut to the longest length that fits.
 */
public final class ClassroomReport {

    /** Base64 makes 4 bytes of 3: 90 KiB of JSON is 120 KiB in the environment, under the kernel's 128 KiB. */
    static final int MAX_BYTES = 90 * 1024;

    /** The shortest a failure's text is cut to before the file goes lean: below it, a message says too little. */
    private static final int SHORTEST_MESSAGE = 64;

    /**
     * How a result is squeezed to fit: each failure's text cut to {@code messageCap} characters; when lean, also
     * without what the reporter does not print ({@code filename}, {@code duration}) and with a short name for a
     * check's points after its first.
     */
    private record Squeeze(int messageCap, boolean lean) {
    }

    private ClassroomReport() {
    }

    public static String render(SubmissionResult result) {
        String whole = render(result, new Squeeze(TextCap.MESSAGE, false));
        if (fits(whole)) {
            return whole;
        }
        // The longest messages that fit: first with everything else kept, then lean.
        return longestFitting(result, false, SHORTEST_MESSAGE)
                .or(() -> longestFitting(result, true, 0))
                .orElseGet(() -> render(result, new Squeeze(0, true)));
    }

    /** The render with the largest message cap from {@code shortest} on that fits, by bisection; empty if none does. */
    private static Optional<String> longestFitting(SubmissionResult result, boolean lean, int shortest) {
        String best = null;
        int low = shortest;
        int high = TextCap.MESSAGE;
        while (low <= high) {
            int cap = (low + high) >>> 1;
            String json = render(result, new Squeeze(cap, lean));
            if (fits(json)) {
                best = json;
                low = cap + 1;
            } else {
                high = cap - 1;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean fits(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static String render(SubmissionResult result, Squeeze squeeze) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("version", 1);
        root.put("status", PlatformStatus.of(result));
        root.put("max_score", result.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : result.exercises()) {
            for (Verdict verdict : exercise.verdicts()) {
                addTests(tests, verdict, exercise, squeeze);
            }
        }
        return ResultJson.writeCompact(root);
    }

    private static void addTests(ArrayNode tests, Verdict verdict, ExerciseResult exercise, Squeeze squeeze) {
        Check check = verdict.check();
        int points = check.points();
        String status = PlatformStatus.of(verdict, exercise);
        String name = CheckLabels.marked(check);
        for (int point = 1; point <= Math.max(1, points); point++) {
            ObjectNode test = tests.addObject();
            String ofPoints = " · point " + point + " of " + points;
            test.put("name", points == 1 ? name : squeeze.lean() && point > 1 ? "  ↳" + ofPoints : name + ofPoints);
            test.put("status", status);
            test.put("score", verdict.passed() && points > 0 ? 1 : 0);
            test.put("line_no", check.line());
            if (point > 1) {
                continue; // the check's other points: its first one says all there is to say
            }
            if (!squeeze.lean()) {
                test.put("filename", check.file());
                test.put("duration", verdict.time().toMillis());
            }
            if (!verdict.passed()) {
                String text = squeeze.messageCap() == 0 ? "" : TextCap.cut(LearnerText.of(verdict, exercise), squeeze.messageCap());
                if (status.equals("error")) {
                    // The one text the reporter prints of an error, without its name: so the name leads.
                    test.put("message", text.isEmpty() ? name : name + ": " + text);
                } else {
                    test.put("test_code", text.isEmpty() ? place(check) : place(check) + "\n\n" + text);
                }
            }
        }
    }

    /** {@code CoffeeShopTest.java:41 · CoffeeShopTest.threeOrders()}: where to look, as the learner's editor names it. */
    private static String place(Check check) {
        String file = check.file().substring(check.file().lastIndexOf('/') + 1);
        return (file.isEmpty() ? "" : file + ":" + check.line() + " · ") + check.id();
    }
}
