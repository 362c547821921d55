package awaitlings.grader.command;

import static awaitlings.grader.fixture.CourseFixture.cloneOf;
import static awaitlings.grader.fixture.CourseFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.pipeline.Pipeline;
import awaitlings.grader.submission.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("grader grade")
class GradeCommandTests {

    @TempDir
    Path dir;

    private Course course;
    private Path out;
    private final GradeCommand command = new GradeCommand();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    /** What the fakes saw: workspaces graded, results written, the summary. */
    private final Map<String, Workspace> graded = new ConcurrentHashMap<>();
    private final Map<String, GradeOptions> optionsSeen = new ConcurrentHashMap<>();
    private final List<SubmissionResult> written = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SubmissionResult> finishedEarlier = new HashMap<>();
    private final List<Set<Format>> formatsWritten = Collections.synchronizedList(new ArrayList<>());
    private List<SubmissionResult> summary;
    private List<String> summaryExercises;
    private int compiled;

    @BeforeEach
    void fakeTheGradingAndTheOutputs() {
        course = CourseFixture.at(dir.resolve("course"));
        out = dir.resolve("results");
        command.compileTests = (c, workDir, hidden) -> {
            compiled++;
            return CompiledTests.compile(c, workDir, hidden);
        };
        command.grade = (c, tests, workspace, options) -> {
            graded.put(workspace.id(), workspace);
            optionsSeen.put(workspace.id(), options);
            return result(workspace.id(), 1, workspace.tampered());
        };
        command.results = new Pipeline.Results() {
            @Override
            public void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) {
                assertThat(outDir).isEqualTo(out);
                written.add(result);
                formatsWritten.add(formats);
            }

            @Override
            public Optional<SubmissionResult> readFinished(Path outDir, String id) {
                return Optional.ofNullable(finishedEarlier.get(id));
            }

            @Override
            public void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) {
                summary = all;
                summaryExercises = exercises;
            }
        };
    }

    private int grader(String... args) {
        CommandLine commandLine = Grader.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == GradeCommand.class ? type.cast(command) : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }

    private int grade(String... args) {
        List<String> all = new ArrayList<>(List.of("grade", "--course", course.root().toString(), "--out", out.toString()));
        all.addAll(List.of(args));
        return grader(all.toArray(String[]::new));
    }

    /** A folder of many: a clone of the course for each of {@code ids}. */
    private Path many(String... ids) {
        Path many = dir.resolve("many");
        for (String id : ids) {
            cloneOf(course, many.resolve(id));
        }
        return many;
    }

    /** A result worth {@code points} of 2 in 01-alpha. */
    private static SubmissionResult result(String id, int points, List<String> tampered) {
        Check first = new Check("01-alpha", "StubTest.first()", "the first check", 1, false, "");
        Check second = new Check("01-alpha", "StubTest.second()", "the second check", 1, true, "");
        return new SubmissionResult(id, List.of(new ExerciseResult("01-alpha",
                List.of(new Verdict(first, points >= 1, ""), new Verdict(second, points >= 2, "")), "", false, false)),
                tampered, List.of(), "", Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("--help lists the grade command and exits 0")
    void helpListsGrade() {
        assertThat(grader("--help")).isZero();

        assertThat(stdout.toString()).contains("Usage: grader").containsPattern("(?m)^\\s+grade\\s+Grades submissions");
        assertThat(stderr.toString()).isEmpty();
    }

    @Test
    @DisplayName("grade --help lists every option with its default")
    void gradeHelp() {
        assertThat(grader("grade", "--help")).isZero();

        assertThat(stdout.toString().replaceAll("\\s+", " ")).contains("SUBMISSION...", "--out=DIR", "default: grading-results", "--jobs=N",
                "--no-hidden", "--formats=LIST", "default: all", "--timeout=DURATION", "default: 10s",
                "--budget=DURATION", "default: 5m", "--force", "--shard=K/N", "default: 1/1", "--course=DIR");
    }

    @Test
    @DisplayName("a missing path exits 2 with one line naming it, and grades nothing")
    void missingPath() {
        Path nobody = dir.resolve("nobody");

        assertThat(grade(nobody.toString())).isEqualTo(2);

        assertThat(stderr.toString()).isEqualTo("grader: no such file or folder: " + nobody + System.lineSeparator());
        assertThat(graded).isEmpty();
        assertThat(summary).isNull();
    }

    @Test
    @DisplayName("an unknown format exits 2 with one line that lists the known ones")
    void unknownFormat() {
        Path alice = cloneOf(course, dir.resolve("alice"));

        assertThat(grade("--formats", "csv,xml", alice.toString())).isEqualTo(2);

        assertThat(stderr.toString()).isEqualTo("grader: unknown format \"xml\"; known formats: gradescope, exercism, "
                + "classroom, junit, csv, html (or all)" + System.lineSeparator());
        assertThat(graded).isEmpty();
    }

    @Test
    @DisplayName("a --course that is not a course exits 2 with one line")
    void notACourse() {
        Path alice = cloneOf(course, dir.resolve("alice"));
        Path empty = dir.resolve("empty");
        write(empty, "readme.txt", "no course here");

        assertThat(grader("grade", "--course", empty.toString(), alice.toString())).isEqualTo(2);

        assertThat(stderr.toString()).isEqualTo("grader: not a course checkout (no pom.xml and exercises/): " + empty
                + System.lineSeparator());
    }

    @Test
    @DisplayName("usage mistakes picocli finds exit 2 with one line and a pointer to --help")
    void usageMistakes() {
        Path alice = cloneOf(course, dir.resolve("alice"));
        record Case(String[] args, String error) {
        }
        List<Case> cases = List.of(
                new Case(new String[] {"grade"}, "grader: Missing required parameter: 'SUBMISSION' (see 'grader grade --help')"),
                new Case(new String[] {"grade", "--timeout", "10x", alice.toString()},
                        "grader: Invalid value for option '--timeout': '10x' is not a positive duration; write it like 500ms, 10s, 2m or 1m30s (see 'grader grade --help')"),
                new Case(new String[] {"grade", "--budget", "0s", alice.toString()},
                        "grader: Invalid value for option '--budget': '0s' is not a positive duration; write it like 500ms, 10s, 2m or 1m30s (see 'grader grade --help')"),
                new Case(new String[] {"grade", "--jobs", "0", alice.toString()},
                        "grader: --jobs must be at least 1, was 0 (see 'grader grade --help')"),
                new Case(new String[] {"grade", "--frobnicate", alice.toString()},
                        "grader: Unknown option: '--frobnicate' (see 'grader grade --help')"),
                new Case(new String[] {}, "grader: missing a command, such as grade (see 'grader --help')"));
        for (Case mistake : cases) {
            stderr.getBuffer().setLength(0);

            assertThat(grader(mistake.args())).as(String.join(" ", mistake.args())).isEqualTo(2);

            assertThat(stderr.toString()).as(String.join(" ", mistake.args())).isEqualTo(mistake.error() + System.lineSeparator());
        }
        assertThat(graded).isEmpty();
    }

    @Test
    @DisplayName("a folder of many is graded on --jobs threads, with the options given, and summarised in submission order")
    void gradesFolderOfMany() {
        Path many = many("s1", "s2", "s3");
        write(many, "s2/exercises/01-alpha/src/test/java/alpha/StubTest.java", "class StubTest { /* passes */ }\n");
        CountDownLatch bothRunning = new CountDownLatch(2);
        Pipeline.Grade fake = command.grade;
        command.grade = (c, tests, workspace, options) -> {
            bothRunning.countDown();
            // Two jobs: two submissions are graded at the same time, or this wait times out.
            try {
                assertThat(bothRunning.await(5, TimeUnit.SECONDS)).as("a second submission started alongside").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return fake.grade(c, tests, workspace, options);
        };

        assertThat(grade("--jobs", "2", "--no-hidden", "--timeout", "2m", "--budget", "1m30s", "--formats", "csv,gradescope",
                many.toString())).isZero();

        assertThat(compiled).isEqualTo(1);
        assertThat(graded.keySet()).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(optionsSeen.values()).containsOnly(new GradeOptions(false, Duration.ofMinutes(2), Duration.ofSeconds(90)));
        assertThat(graded.get("s2").tampered()).containsExactly("exercises/01-alpha/src/test/java/alpha/StubTest.java");
        assertThat(graded.get("s1").tampered()).isEmpty();
        assertThat(written).extracting(SubmissionResult::id).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(formatsWritten).containsOnly(Set.of(Format.CSV, Format.GRADESCOPE));
        assertThat(summary).extracting(SubmissionResult::id).containsExactly("s1", "s2", "s3");
        assertThat(summaryExercises).containsExactly("01-alpha", "02-beta");
        assertThat(stdout.toString().lines().filter(l -> l.startsWith("graded ")).toList())
                .hasSize(3).allMatch(l -> l.matches("graded [123]/3 s[123]: 1/2 points \\(\\d+:\\d\\d\\)"));
        assertThat(stdout.toString()).endsWith("finished 3 of 3 submissions (3 graded now, 0 kept from an earlier run): results in " + out
                + System.lineSeparator());
        assertThat(stderr.toString()).isEmpty();
        Path scratch = graded.get("s1").root().getParent().getParent();
        assertThat(scratch.getFileName().toString()).startsWith("awaitlings-grade-");
        assertThat(scratch).as("the scratch folder, workspaces and all, is deleted").doesNotExist();
    }

    @Test
    @DisplayName("a submission finished by an earlier run is kept, not regraded, unless --force")
    void resumes() {
        Path many = many("done", "todo");
        finishedEarlier.put("done", result("done", 2, List.of()));

        assertThat(grade(many.toString())).isZero();

        assertThat(graded.keySet()).containsExactly("todo");
        assertThat(summary).extracting(SubmissionResult::id, SubmissionResult::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("done", 2), org.assertj.core.groups.Tuple.tuple("todo", 1));
        assertThat(stdout.toString()).contains("kept 1/2 done: 2/2 points (graded in an earlier run)" + System.lineSeparator());

        graded.clear();
        assertThat(grade("--force", many.toString())).isZero();

        assertThat(graded.keySet()).containsExactlyInAnyOrder("done", "todo");
        assertThat(summary).extracting(SubmissionResult::score).containsExactly(1, 1);
    }

    @Test
    @DisplayName("when every submission was finished earlier, the tests are not even compiled")
    void nothingLeftToGrade() {
        Path alice = cloneOf(course, dir.resolve("alice"));
        finishedEarlier.put("alice", result("alice", 2, List.of()));

        assertThat(grade(alice.toString())).isZero();

        assertThat(compiled).isZero();
        assertThat(summary).extracting(SubmissionResult::id).containsExactly("alice");
    }

    @Test
    @DisplayName("a submission whose grading throws is reported and listed as not graded; the others are graded, and the exit code is 1")
    void oneFailureCostsOnlyItself() {
        Path many = many("bad", "good");
        Pipeline.Grade fake = command.grade;
        command.grade = (c, tests, workspace, options) -> {
            if (workspace.id().equals("bad")) {
                throw new IllegalStateException("the graded JVM did not start");
            }
            return fake.grade(c, tests, workspace, options);
        };

        assertThat(grade("--jobs", "1", many.toString())).isEqualTo(1);

        assertThat(summary).extracting(SubmissionResult::id).containsExactly("bad", "good");
        assertThat(summary.get(0).gradingError()).isEqualTo("IllegalStateException: the graded JVM did not start");
        assertThat(summary.get(1).graded()).isTrue();
        assertThat(written).extracting(SubmissionResult::id).containsExactlyInAnyOrder("bad", "good");
        assertThat(stdout.toString()).contains("failed 1/2 bad: IllegalStateException: the graded JVM did not start" + System.lineSeparator());
        assertThat(stderr.toString()).isEqualTo("grader: 1 submission(s) could not be graded: bad; run again to retry them"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("batch notes (a child that is not a submission) are printed before grading")
    void batchNotes() {
        Path many = many("alice");
        write(many, "grades.xlsx", "not a submission");

        assertThat(grade(many.toString())).isZero();

        assertThat(stdout.toString()).startsWith("note: skipped " + many.resolve("grades.xlsx")
                + ": neither a course clone (no exercises/ folder) nor a .zip" + System.lineSeparator());
    }

    @Test
    @DisplayName("with the real outputs, each submission's files and the summary land in --out")
    void writesRealOutputs() {
        command.results = Pipeline.Results.OUTPUTS;
        Path alice = cloneOf(course, dir.resolve("alice"));

        assertThat(grade(alice.toString())).isZero();

        assertThat(out.resolve("alice/results.json")).isRegularFile();
        assertThat(out.resolve("gradebook.csv")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();

        graded.clear();
        assertThat(grade(alice.toString())).isZero();
        assertThat(graded).as("the second run resumes: alice is finished").isEmpty();
    }

    @Test
    @DisplayName("without --course, the course is the first one above the grader's own code")
    void defaultCourse() {
        Path nested = course.root().resolve("grader/cli/target/classes");

        assertThat(HomeCourse.enclosing(nested)).contains(course.root());
        assertThat(HomeCourse.enclosing(dir.resolve("elsewhere"))).isEmpty();
    }
}
