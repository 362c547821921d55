package awaitlings.grader.pipeline;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.Shard;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.Outputs;
import awaitlings.grader.submission.Overlay;
import awaitlings.grader.submission.Submission;
import awaitlings.grader.submission.Submissions;
import awaitlings.grader.submission.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The grader's pipeline, one batch at a time: <b>collect</b> the submissions named on the command line (or one
 * shard's of them), compile the course's tests once, then for each submission (on {@code jobs} threads)
 * <b>overlay</b> it on the course, <b>compile</b> and <b>run</b> it ({@link Grading}), and <b>report</b> it; last,
 * the batch's summaries. A submission an earlier run finished is kept unless {@code regrade}, so a killed batch
 * resumes where it stopped. One submission's trouble never costs the others. The pipeline owns a scratch folder until
 * it is closed.
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
     * @param results     each one's result, in the same order; one that {@link SubmissionResult#graded() could not be
     *                    graded} says why
     * @param kept        how many results an earlier run had finished
     */
    public record Outcome(List<Submission> submissions, List<SubmissionResult> results, int kept) {

        /** How many submissions were graded, in this run or an earlier one. */
        public int graded() {
            return (int) results.stream().filter(SubmissionResult::graded).count();
        }

        /** The ids of the submissions that could not be graded, in argument order. */
        public List<String> failed() {
            return results.stream().filter(result -> !result.graded()).map(SubmissionResult::id).toList();
        }
    }

    private final Batch batch;
    private final CompileTests compileTests;
    private final Grade grade;
    private final Results results;
    private final Path scratch;
    private final AtomicInteger workspaces = new AtomicInteger();

    public Pipeline(Batch batch, CompileTests compileTests, Grade grade, Results results) throws IOException {
        this.batch = batch;
        this.compileTests = compileTests;
        this.grade = grade;
        this.results = results;
        this.scratch = Folders.newScratch("awaitlings-grade-");
    }

    /**
     * Collect: the submissions named by {@code arguments} (clones, zips, folders of many) that {@code shard} holds.
     *
     * @param notes receives what was left out of the batch and why
     * @throws IllegalArgumentException when an argument is not a submission (see {@link Submissions#collect})
     */
    public List<Submission> collect(List<Path> arguments, Shard shard, Consumer<String> notes) {
        List<Submission> all = Submissions.collect(arguments, scratch.resolve("zips"), notes);
        if (shard.equals(Shard.ALL)) {
            return all;
        }
        // The whole batch is collected first: the id a name shared by two submissions is renamed to depends on all of it.
        List<Submission> held = all.stream().filter(submission -> shard.holds(submission.id())).toList();
        notes.accept("shard " + shard + " holds " + held.size() + " of the " + all.size() + " submissions");
        return held;
    }

    /** Grades every submission not finished earlier, then writes the batch's summaries. */
    public Outcome grade(List<Submission> submissions, Listener listener) throws IOException, InterruptedException {
        SubmissionResult[] results = new SubmissionResult[submissions.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            // A result the grader could not finish is not kept: this run tries again.
            Optional<SubmissionResult> earlier = batch.regrade() ? Optional.empty()
                    : this.results.readFinished(batch.out(), submissions.get(i).id()).filter(SubmissionResult::graded);
            if (earlier.isPresent()) {
                results[i] = earlier.get();
                listener.kept(earlier.get());
            } else {
                todo.add(i);
            }
        }
        if (!todo.isEmpty()) {
            CompiledTests tests = compileTests.compile(batch.course(), scratch.resolve("tests"), batch.options().hidden());
            tests.needNewerJdk().forEach((exercise, release) -> listener.warning(exercise + " needs JDK " + release
                    + "+ and this grader runs on JDK " + Runtime.version().feature() + ": it is reported as such, not graded"));
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(batch.jobs(), todo.size()), daemonThreads());
            try {
                List<Future<SubmissionResult>> graded = new ArrayList<>();
                for (int index : todo) {
                    Submission submission = submissions.get(index);
                    graded.add(pool.submit(() -> gradeOne(tests, submission, listener)));
                }
                for (int i = 0; i < todo.size(); i++) {
                    results[todo.get(i)] = outcome(graded.get(i));
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        Outcome outcome = new Outcome(submissions, List.of(results), submissions.size() - todo.size());
        this.results.writeSummary(batch.out(), outcome.results(), batch.course().exercises(), batch.formats());
        return outcome;
    }

    /**
     * Overlays, grades and writes one submission. Whatever goes wrong costs this submission only: when it cannot be
     * graded its result says why ({@link SubmissionResult#notGraded}), so it still has a row in every summary, and
     * a later run grades it again.
     */
    private SubmissionResult gradeOne(CompiledTests tests, Submission submission, Listener listener) {
        listener.started(submission.id());
        long started = System.nanoTime();
        // Numbered, not named by the id: an id may hold the class path's separator, which a plain-mode JVM would split on.
        Path workDir = scratch.resolve("work").resolve(Integer.toString(workspaces.incrementAndGet()));
        SubmissionResult result;
        try {
            Workspace workspace = Overlay.prepare(batch.course(), submission, workDir);
            result = grade.grade(batch.course(), tests, workspace, batch.options());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Out of memory here is this submission's doing (javac's output, a flood): its memory is gone with it.
            result = SubmissionResult.notGraded(submission.id(), checksOf(tests), oneLine(e), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            try {
                Folders.delete(workDir);
            } catch (IOException e) {
                listener.warning("could not delete the workspace of " + submission.id() + ": " + oneLine(e));
            }
        }
        try {
            results.writeSubmission(batch.out(), result, batch.formats());
        } catch (Exception e) {
            result = SubmissionResult.notGraded(submission.id(), checksOf(tests), "its results could not be written: " + oneLine(e),
                    result.time());
        }
        if (result.graded()) {
            listener.graded(result);
        } else {
            listener.failed(submission.id(), result.gradingError());
        }
        return result;
    }

    private static Map<String, List<Check>> checksOf(CompiledTests tests) {
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        tests.exercises().forEach(exercise -> checks.put(exercise.exercise(), List.copyOf(exercise.checks().keySet())));
        return checks;
    }

    /** Deletes the scratch folder. */
    @Override
    public void close() throws IOException {
        Folders.delete(scratch);
    }

    private static SubmissionResult outcome(Future<SubmissionResult> graded) throws InterruptedException {
        try {
            return graded.get();
        } catch (ExecutionException e) {
            // gradeOne turns every failure of a submission into its result, so only an Error of the grader gets here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String oneLine(Throwable e) {
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
