package awaitlings.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grader grade SUBMISSION…}: collect the submissions, compile the course's tests once, then for each
 * submission (on {@code --jobs} threads) overlay it on the course, grade it and write its results; last, the
 * gradebook and the report. A submission finished by an earlier run is kept unless {@code --force}, so a killed
 * batch resumes where it stopped.
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

    @Option(names = "--force", description = "Grade again submissions that an earlier run finished.")
    boolean force;

    @Option(names = "--course", paramLabel = "DIR",
            description = "The pristine course (default: the course this grader.jar belongs to, else the current folder).")
    Path course;

    /** Seams for tests: how the course's tests are compiled, how one submission is graded, where results go. */
    CompileTests compileTests = CompiledTests::compile;
    Grade grade = Grading::grade;
    Results results = Results.OUTPUTS;

    @FunctionalInterface
    interface CompileTests {
        CompiledTests compile(Course course, Path workDir, boolean hidden);
    }

    @FunctionalInterface
    interface Grade {
        SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options);
    }

    interface Results {
        void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) throws IOException;

        Optional<SubmissionResult> readFinished(Path outDir, String id) throws IOException;

        void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) throws IOException;

        Results OUTPUTS = new Results() {
            @Override
            public void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) throws IOException {
                Outputs.writeSubmission(outDir, result, formats);
            }

            @Override
            public Optional<SubmissionResult> readFinished(Path outDir, String id) throws IOException {
                return Outputs.readFinished(outDir, id);
            }

            @Override
            public void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) throws IOException {
                Outputs.writeSummary(outDir, all, exercises, formats);
            }
        };
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, was " + jobs);
        }
        Set<Format> chosen = Format.parse(formats);
        Course pristine = pristineCourse();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        Path scratch = Folders.newScratch("awaitlings-grade-");
        try {
            List<Submission> found = Submissions.collect(submissions, scratch.resolve("zips"),
                    note -> console.println("note: " + note));
            return gradeAll(pristine, found, chosen, scratch, console);
        } finally {
            try {
                Folders.delete(scratch);
            } catch (IOException e) {
                spec.commandLine().getErr().println("grader: could not delete the scratch folder " + scratch + ": " + e);
            }
        }
    }

    private int gradeAll(Course pristine, List<Submission> found, Set<Format> chosen, Path scratch, PrintWriter console)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        GradeOptions options = new GradeOptions(!noHidden, timeout, budget);
        Progress progress = Progress.on(console, found.size());
        List<Optional<SubmissionResult>> slots = new ArrayList<>();
        List<Integer> todo = new ArrayList<>();
        for (Submission submission : found) {
            Optional<SubmissionResult> earlier = force ? Optional.empty() : results.readFinished(out, submission.id());
            earlier.ifPresentOrElse(progress::kept, () -> todo.add(slots.size()));
            slots.add(earlier);
        }
        if (!todo.isEmpty()) {
            CompiledTests tests = compileTests.compile(pristine, scratch.resolve("tests"), options.hidden());
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()), daemonThreads());
            try {
                List<Future<Optional<SubmissionResult>>> graded = new ArrayList<>();
                for (int index : todo) {
                    Submission submission = found.get(index);
                    graded.add(pool.submit(() -> gradeOne(pristine, tests, submission, scratch.resolve("work").resolve(submission.id()),
                            options, chosen, progress)));
                }
                for (int i = 0; i < todo.size(); i++) {
                    slots.set(todo.get(i), outcome(graded.get(i)));
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        progress.finish();
        List<SubmissionResult> all = slots.stream().flatMap(Optional::stream).toList();
        results.writeSummary(out, all, pristine.exercises(), chosen);
        int kept = found.size() - todo.size();
        console.println("finished " + all.size() + " of " + found.size() + " submissions (" + (all.size() - kept)
                + " graded now, " + kept + " kept from an earlier run): results in " + out.toAbsolutePath().normalize());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (slots.get(i).isEmpty()) {
                failed.add(found.get(i).id());
            }
        }
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("grader: " + failed.size() + " submission(s) could not be graded: "
                    + String.join(", ", failed) + "; run again to retry them");
            return spec.exitCodeOnExecutionException();
        }
        return 0;
    }

    /**
     * Overlays, grades and writes one submission; empty when any step failed, which the progress reports and the
     * batch survives: one submission's trouble never costs the others.
     */
    private Optional<SubmissionResult> gradeOne(Course pristine, CompiledTests tests, Submission submission, Path workDir,
                                                GradeOptions options, Set<Format> chosen, Progress progress) {
        progress.started(submission.id());
        try {
            Workspace workspace = Overlay.prepare(pristine, submission, workDir);
            SubmissionResult result = grade.grade(pristine, tests, workspace, options);
            results.writeSubmission(out, result, chosen);
            progress.graded(result);
            return Optional.of(result);
        } catch (IOException | RuntimeException e) {
            progress.failed(submission.id(), oneLine(e));
            return Optional.empty();
        } finally {
            try {
                Folders.delete(workDir);
            } catch (IOException e) {
                spec.commandLine().getErr().println("grader: could not delete the workspace of " + submission.id() + ": " + oneLine(e));
            }
        }
    }

    private static Optional<SubmissionResult> outcome(Future<Optional<SubmissionResult>> graded) throws InterruptedException {
        try {
            return graded.get();
        } catch (ExecutionException e) {
            // gradeOne catches every exception, so only an Error (out of memory, say) gets here: not survivable.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return (e.getClass().getSimpleName() + message).replaceAll("\\R+", " ");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "grader-" + count.incrementAndGet());
            // A submission stuck beyond every guard must not keep the JVM alive after the batch ended.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The course named by {@code --course}, else the one this grader belongs to. */
    private Course pristineCourse() {
        return course != null ? Course.at(course) : HomeCourse.find();
    }
}
