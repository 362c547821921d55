package awaitlings.grader.report.platform;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code results.json} as Gradescope's autograder specification describes it: the total {@code score}, the
 * {@code execution_time} in whole seconds, an {@code output} for the whole submission, and one test per check with
 * {@code name} ("NN-topic › check"), {@code number} ("3.2" for the second check of exercise 03, by which Gradescope
 * orders the tests), {@code tags} (the exercise first, then {@code hidden} for hidden checks),
 * {@code score}, {@code max_score}, {@code status} ({@code passed}/{@code failed}), {@code output} and
 * {@code visibility}: hidden checks {@code after_published}, so learners see them only once grades are published.
 * Every text is declared {@code "text"} so that a message quoting {@code <html>} is shown, not rendered.
 */
public final class GradescopeReport {

    private static final Pattern LEADING_DIGITS = Pattern.compile("\\d{1,6}");

    private GradescopeReport() {
    }

    public static String render(SubmissionResult result) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("score", result.score());
        root.put("execution_time", (int) Math.round(result.time().toMillis() / 1000.0));
        root.put("output", LearnerText.summary(result));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        ArrayNode tests = root.putArray("tests");
        for (int e = 0; e < result.exercises().size(); e++) {
            ExerciseResult exercise = result.exercises().get(e);
            for (int v = 0; v < exercise.verdicts().size(); v++) {
                tests.add(test(root, exercise.verdicts().get(v), exercise).put("number", number(exercise, e) + "." + (v + 1)));
            }
        }
        return ResultJson.write(root);
    }

    /**
     * A result without tests that tells the learner why there is no grade: written before grading starts, so that a
     * run stopped by the platform leaves this rather than nothing, and when the upload cannot be graded at all.
     */
    public static String withoutGrade(String why) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("score", 0);
        root.put("output", why);
        root.put("output_format", "text");
        root.putArray("tests");
        return ResultJson.write(root);
    }

    /** The exercise's number, {@code 3} for {@code 03-await-compose}; its place from 1 when its name has none. */
    private static int number(ExerciseResult exercise, int index) {
        Matcher digits = LEADING_DIGITS.matcher(exercise.exercise());
        return digits.lookingAt() ? Integer.parseInt(digits.group()) : index + 1;
    }

    private static ObjectNode test(ObjectNode root, Verdict verdict, ExerciseResult exercise) {
        Check check = verdict.check();
        ObjectNode test = root.objectNode();
        test.put("name", CheckLabels.qualified(check));
        ArrayNode tags = test.putArray("tags").add(check.exercise());
        if (check.hidden()) {
            tags.add("hidden");
        }
        test.put("score", verdict.score());
        test.put("max_score", check.points());
        test.put("status", verdict.passed() ? "passed" : "failed");
        test.put("output", LearnerText.of(verdict, exercise));
        test.put("visibility", check.hidden() ? "after_published" : "visible");
        return test;
    }
}
