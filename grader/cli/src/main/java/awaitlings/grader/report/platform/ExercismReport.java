package awaitlings.grader.report.platform;

import awaitlings.grader.model.SubmissionResult;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code exercism.json} as Exercism's test-runner interface, version 3, describes it: {@code version}, {@code status}
 * ({@code pass}, {@code fail}, or {@code error} when no exercise compiled), {@code message} (javac's diagnostics on
 * {@code error}, else null), and one test per check in course order with {@code name} ("NN-topic › check", hidden
 * checks starting with "[hidden] "), {@code status} and, unless it passed, {@code message}. The optional
 * {@code test_code}, {@code output} and {@code task_id} are left out: the grader knows no test bodies, captures no
 * output per check, and its checks carry no task numbers.
 */
public final class ExercismReport {

    private ExercismReport() {
    }

    public static String render(SubmissionResult result) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("version", 3);
        String status = PlatformStatus.of(result);
        root.put("status", status);
        if (status.equals("error")) {
            root.put("message", PlatformStatus.compileErrors(result));
        } else {
            root.putNull("message");
        }
        PlatformStatus.tests(root.putArray("tests"), result);
        return ResultJson.write(root);
    }
}
