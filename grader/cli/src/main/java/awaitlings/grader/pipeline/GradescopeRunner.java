package awaitlings.grader.pipeline;

import awaitlings.grader.files.AtomicFile;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.Shard;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.platform.GradescopeReport;
import awaitlings.grader.submission.Submission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gradescope's autograder contract: one call grades the one upload in the submission folder and writes
 * {@code results.json}. A result that says grading did not finish is written first, so that a run the platform
 * stops at its time limit still leaves an honest result instead of none; an upload that is not a copy of the
 * course gets a result that says so.
 */
public final class GradescopeRunner {

    static final String UNFINISHED = "Grading did not finish: the autograder was stopped before the grader could write"
            + " your results. This is not a grade; submit again, or tell your instructor if it happens again.";

    private GradescopeRunner() {
    }

    /** Grades {@code submission} and writes Gradescope's {@code results.json}; empty when the upload was not gradable. */
    public static Optional<SubmissionResult> run(Course course, Path submission, Path resultsJson, GradeOptions options)
            throws IOException, InterruptedException {
        AtomicFile.write(resultsJson, GradescopeReport.withoutGrade(UNFINISHED));
        Path scratch = Folders.newScratch("awaitlings-gradescope-");
        Pipeline.Batch batch = new Pipeline.Batch(course, scratch.resolve("results"), options, Set.of(), 1, true);
        try (Pipeline pipeline = new Pipeline(batch, Pipeline.CompileTests.IN_PROCESS, Pipeline.Grade.IN_GRADED_JVMS,
                Pipeline.Results.OUTPUTS)) {
            List<String> notes = new ArrayList<>();
            List<Submission> found;
            try {
                found = pipeline.collect(List.of(submission), Shard.ALL, notes::add);
            } catch (IllegalArgumentException notACourse) {
                found = List.of();
            }
            if (found.size() != 1) {
                AtomicFile.write(resultsJson, GradescopeReport.withoutGrade(notOneClone(found.size(), notes)));
                return Optional.empty();
            }
            SubmissionResult result = pipeline.grade(found, new Pipeline.Listener() { }).results().get(0);
            AtomicFile.write(resultsJson, GradescopeReport.render(result));
            return Optional.of(result);
        } finally {
            Folders.delete(scratch);
        }
    }

    private static String notOneClone(int found, List<String> notes) {
        String what = found == 0 ? "no copy of the course" : found + " copies of the course";
        return "Your upload holds " + what + ", so nothing was graded. Upload your repository of the course (the folder"
                + " with exercises/ in it), from GitHub or as one zip." + (notes.isEmpty() ? "" : "\n\n" + String.join("\n", notes));
    }
}
