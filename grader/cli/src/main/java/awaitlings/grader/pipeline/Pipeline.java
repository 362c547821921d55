package awaitlings.grader.pipeline;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.Outputs;
import awaitlings.grader.submission.Overlay;
import awaitlings.grader.submission.Submission;
import awaitlings.grader.submission.Submissions;
import awaitlings.grader.submission.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The grader's pipeline, one batch at a time: <b>collect</b> the submissions named on the command line, compile the
 * course's tests once, then for each submission (on {@code jobs} threads) <b>overlay</b> it on the course,
 * <b>compile</b> and <b>run</b> it ({@link Grading}), and <b>report</b> it; last, the batch's summaries. A submission
 * an earlier run finished is kept unless {@code regrade}, so a killed batch resumes where it stopped. One
 * submission's trouble never costs the others. The pipeline owns a scratch folder until it is closed.
 */
public final class Pipeline implements AutoCloseable {

    /** What a batch is graded with and where its results go. */
    public record Batch(Course course, Path out, GradeOptions options, Set<Format> formats, int jobs, boolean regrade) {
    }

    /** What happens to the submissions as they go through; every method may be called from any grading thread. */
    public interface Listener {
        /** {@code result} was finished by an earlier run and is kept as it is. */
        default void kept(SubmissionResult result) {
        }

        default void started(String id) {
        }

        default void graded(SubmissionResult result) {
        }

        /** {@code id} could not be graded; {@code why} is one line. */
        default void failed(String id, String why) {
        }

        /** Something went wrong that costs no grade, e.g. a workspace that could not be deleted; one line. */
        default void warning(String message) {
        }
    }

    /** How the course's tests are compiled: a seam for tests. */
    @FunctionalInterface
    public interface CompileTests {
        CompiledTests compile(Course course, Path workDir, boolean hidden);

        /** With the JDK's compiler, in this JVM. */
        CompileTests IN_PROCESS = CompiledTests::compile;
    }

    /** How one submission is graded: a seam for tests. */
    @FunctionalInterface
    public interface Grade {
        SubmissionResult grade(Course course, CompiledTests tests, Workspace workspace, GradeOptions options);

        /** Compiled here, its checks run in graded JVMs. */
        Grade IN_GRADED_JVMS = Grading::grade;
    }

    /** Where results are read and written: a seam for tests. */
    public interface Results {
        void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) throws IOException;

        Optional<SubmissionResult> readFinished(Path outDir, String id) throws IOException;

        void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) throws IOException;

        Results OUTPUTS = new Results() {
            @Override
            public void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) {
                Outputs.writeSubmission(outDir, result, formats);
            }

            @Override
            public Optional<SubmissionResult> readFinished(Path outDir, String id) {
                return Outputs.readFinished(outDir, id);
            }

            @Override
            public void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) {
                Outputs.writeSummary(outDir, all, exercises, formats);
            }
        };
    }

    /**
     * How a batch ended.
     *
     * @param submissions every submission collected, in argument order
     * @param results     each one's result, in the same order; empty where it could not be graded
     * @param kept        how many results an earlier run had finished
     */
    public record Outcome(List<Submission> submissions, List<Optional<SubmissionResult>> results, int kept) {

        public List<SubmissionResult> finished() {
            return results.stream().flatMap(Optional::stream).toList();
        }

        /** The ids of the submissions that could not be graded, in argument order. */
        public List<String> failed() {
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                if (results.get(i).isEmpty()) {
                    failed.add(submissions.get(i).id());
                }
            }
            return failed;
        }
    }

    private final Batch batch;
    private final CompileTests compileTests;
    private final Grade grade;
    private final Results results;
    private final Path scratch;

    public Pipeline(Batch batch, CompileTests compileTests, Grade grade, Results results) throws IOException {
        this.batch = batch;
        this.compileTests = compileTests;
        this.grade = grade;
        this.results = results;
        this.scratch = Folders.newScratch("awaitlings-grade-");
    }

    /**
     * Collect: the submissions named by {@code arguments} (clones, zips, folders of many).
     *
     * @param notes receives what was left out of the batch and why
     * @throws IllegalArgumentException when an argument is not a submission (see {@link Submissions#collect})
     */
    public List<Submission> collect(List<Path> arguments, Consumer<String> notes) {
        return Submissions.collect(arguments, scratch.resolve("zips"), notes);
    }

    /** Grades every submission not finished earlier, then writes the batch's summaries. */
    public Outcome grade(List<Submission> submissions, Listener listener) throws IOException, InterruptedException {
        List<Optional<SubmissionResult>> slots = new ArrayList<>();
        List<Integer> todo = new ArrayList<>();
        for (Submission submission : submissions) {
            Optional<SubmissionResult> earlier = batch.regrade() ? Optional.empty() : results.readFinished(batch.out(), submission.id());
            earlier.ifPresentOrElse(listener::kept, () -> todo.add(slots.size()));
            slots.add(earlier);
        }
        if (!todo.isEmpty()) {
            CompiledTests tests = compileTests.compile(batch.course(), scratch.resolve("tests"), batch.options().hidden());
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(batch.jobs(), todo.size()), daemonThreads());
            try {
                List<Future<Optional<SubmissionResult>>> graded = new ArrayList<>();
                for (int index : todo) {
                    Submission submission = submissions.get(index);
                    graded.add(pool.submit(() -> gradeOne(tests, submission, listener)));
                }
                for (int i = 0; i < todo.size(); i++) {
                    slots.set(todo.get(i), outcome(graded.get(i)));
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        Outcome outcome = new Outcome(submissions, slots, submissions.size() - todo.size());
        results.writeSummary(batch.out(), outcome.finished(), batch.course().exercises(), batch.formats());
        return outcome;
    }

    /** Overlays, grades and writes one submission; empty when any step failed, which the listener hears of. */
    private Optional<SubmissionResult> gradeOne(CompiledTests tests, Submission submission, Listener listener) {
        listener.started(submission.id());
        Path workDir = scratch.resolve("work").resolve(submission.id());
        try {
            Workspace workspace = Overlay.prepare(batch.course(), submission, workDir);
            SubmissionResult result = grade.grade(batch.course(), tests, workspace, batch.options());
            results.writeSubmission(batch.out(), result, batch.formats());
            listener.graded(result);
            return Optional.of(result);
        } catch (IOException | RuntimeException e) {
            listener.failed(submission.id(), oneLine(e));
            return Optional.empty();
        } finally {
            try {
                Folders.delete(workDir);
            } catch (IOException e) {
                listener.warning("could not delete the workspace of " + submission.id() + ": " + oneLine(e));
            }
        }
    }

    /** Deletes the scratch folder. */
    @Override
    public void close() throws IOException {
        Folders.delete(scratch);
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
}
