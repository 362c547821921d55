package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.pipeline.GradescopeRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grader gradescope SUBMISSION RESULTS_JSON}: what Gradescope's {@code run_autograder} calls. Exit 0 whenever
 * {@code results.json} was written, whatever the upload held: the learner reads what happened there.
 */
@Command(name = "gradescope", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Gradescope's autograder: grades the upload in SUBMISSION and writes Gradescope's results.json.")
final class GradescopeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSION", description = "The upload: a clone of the course (e.g. /autograder/submission).")
    Path submission;

    @Parameters(index = "1", paramLabel = "RESULTS_JSON", description = "Where results.json goes (e.g. /autograder/results/results.json).")
    Path results;

    @Option(names = "--no-hidden", description = "Skip the hidden tests from solutions/.")
    boolean noHidden;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Hang guard of each check (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    // Gradescope stops an autograder after 10 minutes unless told otherwise: the budget ends grading well before.
    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "6m", converter = DurationConverter.class,
            description = "Wall-clock budget of the checks (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "" + GradeOptions.DEFAULT_HEAP_MEGABYTES,
            description = "Heap of each graded JVM in MB (default: ${DEFAULT-VALUE}).")
    int heap;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws Exception {
        Course pristine = course.course();
        Optional<SubmissionResult> result = GradescopeRunner.run(pristine, submission, results,
                new GradeOptions(!noHidden, timeout, budget, HeapOption.checked(spec, heap)));
        spec.commandLine().getOut().println(result.map(r -> r.score() + " of " + r.maxScore() + " points").orElse("not gradable")
                + ": " + results.toAbsolutePath().normalize());
        return 0;
    }
}
