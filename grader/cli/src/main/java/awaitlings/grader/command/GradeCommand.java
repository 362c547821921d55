package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.Shard;
import awaitlings.grader.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grader grade SUBMISSION…}: reads the options, runs the {@link Pipeline} on the submissions with a progress
 * display, and says how the batch ended: exit 0 when every submission was graded, 1 when some could not be.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Grades submissions: course clones, zips of them, or folders holding many of these.")
final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUBMISSION",
            description = "A course clone (folder with exercises/), a .zip of one, or a folder of many of these.")
    List<Path> submissions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-results",
            description = "Where results go (default: ${DEFAULT-VALUE}).")
    Path out;

    // Checks spend most of their time waiting on deliberate latencies, not computing, so a core can carry two
    // graded JVMs; verdicts come from structure, not speed, so the extra load does not change them.
    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: ${DEFAULT-VALUE}, twice the cores).")
    int jobs = 2 * Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-hidden", description = "Skip the hidden tests from solutions/.")
    boolean noHidden;

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "all",
            description = "Comma list of gradescope, exercism, classroom, junit, csv, html, or all (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Hang guard of each check, e.g. 30s (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Wall-clock budget of one submission, after which its JVM is killed (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "" + GradeOptions.DEFAULT_HEAP_MEGABYTES,
            description = "Heap of each graded JVM in MB (default: ${DEFAULT-VALUE}).")
    int heap;

    @Option(names = "--force", description = "Grade again submissions that an earlier run finished.")
    boolean force;

    @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1", converter = ShardConverter.class,
            description = "Grade only the K-th of N slices of the submissions, each id always in the same slice;"
                    + " merge the slices' results with 'grader merge' (default: ${DEFAULT-VALUE}, all of them).")
    Shard shard;

    @Mixin
    CourseOption course;

    /** Seams for tests: how the course's tests are compiled, how one submission is graded, where results go. */
    Pipeline.CompileTests compileTests = Pipeline.CompileTests.IN_PROCESS;
    Pipeline.Grade grade = Pipeline.Grade.IN_GRADED_JVMS;
    Pipeline.Results results = Pipeline.Results.OUTPUTS;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, was " + jobs);
        }
        Set<Format> chosen = Format.parse(formats);
        Course pristine = course.course();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradeOptions options = new GradeOptions(!noHidden, timeout, budget, HeapOption.checked(spec, heap));
        Pipeline.Batch batch = new Pipeline.Batch(pristine, out, options, chosen, jobs, force);
        Pipeline pipeline = new Pipeline(batch, compileTests, grade, results);
        try {
            var found = pipeline.collect(submissions, shard, note -> console.println("note: " + note));
            Files.createDirectories(out);
            Progress progress = Progress.on(console, found.size());
            Pipeline.Outcome outcome = pipeline.grade(found, progress);
            progress.finish();
            return report(outcome, console, err);
        } finally {
            try {
                pipeline.close();
            } catch (IOException e) {
                err.println("grader: could not delete the scratch folder: " + e);
            }
        }
    }

    private int report(Pipeline.Outcome outcome, PrintWriter console, PrintWriter err) {
        int graded = outcome.graded();
        console.println("finished " + graded + " of " + outcome.submissions().size() + " submissions ("
                + (graded - outcome.kept()) + " graded now, " + outcome.kept() + " kept from an earlier run): results in "
                + out.toAbsolutePath().normalize());
        List<String> failed = outcome.failed();
        if (failed.isEmpty()) {
            return 0;
        }
        err.println("grader: " + failed.size() + " submission(s) could not be graded: " + String.join(", ", failed)
                + "; run again to retry them");
        return spec.exitCodeOnExecutionException();
    }
}
