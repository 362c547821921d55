package awaitlings.grader.pipeline;

import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proves a course sound before a semester, with the pipeline that grades it, so that what it proves is what grading
 * will do: every exercise's README has what the course promises learners, its stub and solution offer one public
 * API, and every check is worth points; then, graded as submissions {@code repeat} times, the solutions pass every
 * check, the pristine stubs fail every one, and no check changes its verdict between runs. An exercise written for
 * a newer JDK than this one cannot be graded here: it is skipped, and said so.
 */
public final class Verification {

    /**
     * What a verification found.
     *
     * @param notes     what was not verified and why, one line each: {@code skipped: 15-… needs JDK 21+}
     * @param findings  every promise the course breaks, one line each, in course order
     * @param exercises how many exercises were verified
     * @param checks    how many checks were graded
     * @param runs      how many times the solutions and the stubs were each graded
     */
    public record Report(List<String> notes, List<String> findings, int exercises, int checks, int runs) {

        /** Whether the course keeps every promise: no findings. */
        public boolean sound() {
            return findings.isEmpty();
        }
    }

    /** Verification keeps no results: what it reports comes from what grading returned. */
    private static final Pipeline.Results KEEP_NOTHING = new Pipeline.Results() {
        @Override
        public void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) {
        }

        @Override
        public Optional<SubmissionResult> readFinished(Path outDir, String id) {
            return Optional.empty();
        }

        @Override
        public void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) {
        }
    };

    private final Course course;
    private final GradeOptions options;
    private final int repeat;
    private final int jobs;
    private final Pipeline.Grade grade;

    /**
     * A verification of {@code course}, graded with {@code options} as {@code grade} would grade a submission.
     *
     * @param repeat how many times the solutions and the stubs are each graded, at least 1
     * @param jobs   submissions graded at once, as for {@code grade}
     * @param grade  how one submission is graded: {@link Pipeline.Grade#IN_GRADED_JVMS}, but for tests
     */
    public Verification(Course course, GradeOptions options, int repeat, int jobs, Pipeline.Grade grade) {
        this.course = course;
        this.options = options;
        this.repeat = repeat;
        this.jobs = jobs;
        this.grade = grade;
    }

    /** How many submissions {@link #run} grades: the solutions and the stubs, once per run. */
    public int submissions() {
        return 2 * repeat;
    }

    /** Verifies the course; {@code listener} hears of each submission graded, as {@code grade}'s does. */
    public Report run(Pipeline.Listener listener) throws IOException, InterruptedException {
        Path scratch = Folders.newScratch("awaitlings-verify-");
        try {
            List<String> notes = new ArrayList<>();
            List<String> verified = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (String exercise : course.exercises()) {
                ReadmeRule.missing(course, exercise).forEach(what -> findings.add(new Finding(exercise, "readme: " + exercise + ": " + what)));
                int release = course.release(exercise);
                if (release > Runtime.version().feature()) {
                    notes.add("skipped: " + exercise + " " + ExerciseResult.needingJdk(exercise, release).needsJdkText());
                    continue;
                }
                verified.add(exercise);
                ApiRule.differences(course, exercise, scratch.resolve("api").resolve(exercise))
                        .forEach(what -> findings.add(new Finding(exercise, "api: " + exercise + ": " + what)));
            }
            List<SubmissionResult> results = grade(solutions(scratch.resolve("solutions")), scratch, listener);
            findings.addAll(SideRuns.judge(Side.SOLUTION, results.subList(0, repeat)));
            findings.addAll(SideRuns.judge(Side.STUB, results.subList(repeat, 2 * repeat)));
            Set<Check> checks = results.stream().flatMap(result -> result.verdicts().stream()).map(Verdict::check)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            checks.stream().filter(check -> check.points() < 1).forEach(check -> findings.add(new Finding(check.exercise(),
                    "points: " + check.exercise() + " › " + check.name() + " is worth " + check.points() + " points; a check is worth at least 1")));
            // Stable: each exercise's findings keep the order they were found in.
            findings.sort(Comparator.comparingInt(finding -> course.exercises().indexOf(finding.exercise())));
            return new Report(List.copyOf(notes), findings.stream().map(Finding::line).toList(), verified.size(), checks.size(), repeat);
        } finally {
            Folders.delete(scratch);
        }
    }

    /**
     * Grades the solutions {@code repeat} times, then the stubs as many times, all in one batch: the course's tests
     * are compiled once, and the runs are graded side by side as a batch of submissions would be.
     */
    private List<SubmissionResult> grade(Path solutions, Path scratch, Pipeline.Listener listener) throws IOException, InterruptedException {
        List<Submission> submissions = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            submissions.add(new Submission("solution-" + run, solutions));
        }
        for (int run = 1; run <= repeat; run++) {
            // The pristine course itself: exactly what a learner starts from.
            submissions.add(new Submission("stub-" + run, course.root()));
        }
        Pipeline.Batch batch = new Pipeline.Batch(course, scratch.resolve("results"), options, Set.of(), jobs, true);
        try (Pipeline pipeline = new Pipeline(batch, Pipeline.CompileTests.IN_PROCESS, grade, KEEP_NOTHING)) {
            return pipeline.grade(submissions, listener).results();
        }
    }

    /** A course clone whose code is the solutions': {@code exercises/<exercise>/src/main} from {@code solutions/}. */
    private Path solutions(Path clone) throws IOException {
        Files.createDirectories(clone.resolve("exercises"));
        for (String exercise : course.exercises()) {
            Path main = course.solution(exercise).resolve("src/main");
            // A solution without code is graded as its stub, and fails: a finding, not a crash.
            if (Files.isDirectory(main)) {
                Folders.copy(main, clone.resolve("exercises").resolve(exercise).resolve("src/main"));
            }
        }
        return clone;
    }
}
