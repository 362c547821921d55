package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.pipeline.Pipeline;
import awaitlings.grader.pipeline.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grader verify}: proves the course sound with the grader's own pipeline ({@link Verification}). Standard
 * output gets one line per note and per finding, then a summary; progress goes to standard error. Exit 0 when the
 * course is sound, 1 when anything was found.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Proves the course sound before a semester: solutions pass every check, stubs fail every one,"
                + " stub and solution share one public API, READMEs have their hints, checks are worth points.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseOption course;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Grade solutions and stubs N times, and name any check whose verdict changed (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--no-hidden", description = "Skip the hidden tests from solutions/.")
    boolean noHidden;

    /** A seam for tests: how one submission is graded. */
    Pipeline.Grade grade = Pipeline.Grade.IN_GRADED_JVMS;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be at least 1, was " + repeat);
        }
        Course checked = course.course();
        GradeOptions defaults = GradeOptions.defaults();
        // The jobs grade uses by default: verification proves what such a batch does.
        Verification verification = new Verification(checked, new GradeOptions(!noHidden, defaults.testLimit(), defaults.budget()),
                repeat, 2 * Runtime.getRuntime().availableProcessors(), grade);
        PrintWriter out = spec.commandLine().getOut();
        // Progress on standard error: standard output holds only notes, findings and the summary, for scripts to read.
        Progress progress = new Progress(spec.commandLine().getErr(), Progress.onTerminal(), verification.submissions(), System::nanoTime);
        Verification.Report report = verification.run(progress);
        progress.finish();
        report.notes().forEach(out::println);
        report.findings().forEach(out::println);
        out.println(report.sound()
                ? "course is sound: " + count(report.exercises(), "exercise") + ", " + count(report.checks(), "check") + ", "
                        + count(report.runs(), "run")
                : "course is not sound: " + count(report.findings().size(), "finding"));
        out.flush();
        return report.sound() ? 0 : spec.exitCodeOnExecutionException();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
