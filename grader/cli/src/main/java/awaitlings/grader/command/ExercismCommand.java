package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.pipeline.ExercismRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grader exercism SLUG INPUT_DIR OUTPUT_DIR}: the call Exercism's test-runner interface makes, one exercise
 * per call. Exit 0 whenever {@code results.json} was written, whatever the student's code did.
 */
@Command(name = "exercism", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exercism's test runner: grades one exercise and writes OUTPUT_DIR/results.json (version 3).")
final class ExercismCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG", description = "The exercise: coffee-shop, or its folder 01-coffee-shop.")
    String slug;

    @Parameters(index = "1", paramLabel = "INPUT_DIR", description = "The student's files of that exercise (src/main/java/...).")
    Path input;

    @Parameters(index = "2", paramLabel = "OUTPUT_DIR", description = "Where results.json goes.")
    Path output;

    @Option(names = "--no-hidden", description = "Skip the hidden tests from solutions/.")
    boolean noHidden;

    // Exercism stops a runner after 20 s: the budget leaves time to compile the tests and write the results.
    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "12s", converter = DurationConverter.class,
            description = "Wall-clock budget of the checks (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Hang guard of each check (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws Exception {
        Course pristine = course.course();
        SubmissionResult result = ExercismRunner.run(pristine, slug, input, output, new GradeOptions(!noHidden, timeout, budget));
        spec.commandLine().getOut().println(result.score() + " of " + result.maxScore() + " points: "
                + output.resolve("results.json").toAbsolutePath().normalize());
        return 0;
    }
}
