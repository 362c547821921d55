package awaitlings.grader.report.platform;

import awaitlings.grader.model.SubmissionResult;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code classroom.json}: the result a GitHub Classroom autograding runner hands to the grading reporter (which
 * reads it base64-encoded from the step's {@code result} output; the workflow encodes this file). {@code version} 1,
 * {@code status} ({@code pass}, {@code fail}, or {@code error} when no exercise compiled), {@code max_score}, and one
 * test per check with {@code name} ("NN-topic › check", hidden checks starting with "[hidden] "), {@code status},
 * {@code score} (the reporter adds these up) and, unless it passed, {@code message}.
 */
public final class ClassroomReport {

    private ClassroomReport() {
    }

    public static String render(SubmissionResult result) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("version", 1);
        root.put("status", PlatformStatus.of(result));
        root.put("max_score", result.maxScore());
        PlatformStatus.tests(root.putArray("tests"), result, true);
        return ResultJson.write(root);
    }
}
