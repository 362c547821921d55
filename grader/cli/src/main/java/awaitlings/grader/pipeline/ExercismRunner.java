package awaitlings.grader.pipeline;

import awaitlings.grader.compile.TestCode;
import awaitlings.grader.files.AtomicFile;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.Shard;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.platform.ExercismReport;
import awaitlings.grader.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Exercism's test-runner interface: one call grades one exercise of one student, from the files of that exercise
 * alone (its {@code src/main}), and writes {@code results.json} (version 3) into the output folder. The test code
 * shown beside each visible check is its method's source; a hidden check's code is never shown.
 */
public final class ExercismRunner {

    private ExercismRunner() {
    }

    /**
     * @param slug   the exercise: its folder ({@code 01-coffee-shop}) or its slug ({@code coffee-shop})
     * @param input  the student's files of that exercise, laid out as the exercise folder ({@code src/main/java/…})
     * @param output where {@code results.json} goes; created when missing
     * @throws IllegalArgumentException for an unknown exercise or an input that is not a folder
     */
    public static SubmissionResult run(Course course, String slug, Path input, Path output, GradeOptions options)
            throws IOException, InterruptedException {
        Course one = course.only(slug);
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("the input folder " + input + " does not exist");
        }
        String exercise = one.exercises().get(0);
        Path scratch = Folders.newScratch("awaitlings-exercism-");
        try {
            // The student's exercise, placed in an otherwise empty clone: every other exercise is not there to grade.
            Path clone = Files.createDirectories(scratch.resolve("submission").resolve("exercises").resolve(exercise));
            if (Files.isDirectory(input.resolve("src/main"))) {
                Folders.copy(input.resolve("src/main"), clone.resolve("src/main"));
            }
            Pipeline.Batch batch = new Pipeline.Batch(one, scratch.resolve("results"), options, Set.of(), 1, true);
            SubmissionResult result;
            try (Pipeline pipeline = new Pipeline(batch, Pipeline.CompileTests.IN_PROCESS, Pipeline.Grade.IN_GRADED_JVMS,
                    Pipeline.Results.OUTPUTS)) {
                List<Submission> found = pipeline.collect(List.of(scratch.resolve("submission")), Shard.ALL, note -> { });
                result = pipeline.grade(found, new Pipeline.Listener() { }).results().get(0);
            }
            AtomicFile.write(Files.createDirectories(output).resolve("results.json"),
                    ExercismReport.renderExercise(result, check -> check.hidden() ? "" : TestCode.of(one, check)));
            return result;
        } finally {
            Folders.delete(scratch);
        }
    }
}
