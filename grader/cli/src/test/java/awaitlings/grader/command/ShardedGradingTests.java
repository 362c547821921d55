package awaitlings.grader.command;

import static awaitlings.grader.fixture.CourseFixture.ALPHA;
import static awaitlings.grader.fixture.CourseFixture.BETA;
import static awaitlings.grader.fixture.CourseFixture.cloneOf;
import static awaitlings.grader.fixture.CourseFixture.filesIn;
import static awaitlings.grader.fixture.CourseFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Folders;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.ZipFixture;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.pipeline.Pipeline;
import awaitlings.grader.submission.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A batch graded in shards and merged is the batch graded at once: the same files, but for how long grading took.
 * Grading is a fake whose verdicts follow from the submission alone, so a run costs no graded JVM; one test grades
 * for real, to show that real results merge as exactly.
 */
@DisplayName("grader grade --shard and grader merge")
class ShardedGradingTests {

    /** The ids of {@link #everyone()}. */
    private static final List<String> IDS = List.of("alice", "alice-2", "bob", "carol", "dave", "erin", "frank");

    @TempDir
    Path dir;

    private Course course;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();
    /** Counts the fake's gradings, so that no two take the same time. */
    private final AtomicLong gradings = new AtomicLong();

    /** The course's tests, compiled once for all the runs of a test: the fake below needs them only to exist. */
    private CompiledTests compiled;
    private final Pipeline.CompileTests compileOnce = (c, workDir, hidden) -> {
        if (compiled == null) {
            compiled = CompiledTests.compile(c, dir.resolve("compiled"), hidden);
        }
        return compiled;
    };

    /** Verdicts that follow from the submission alone, so every run agrees on them; the time differs, as real grading's does. */
    private final Pipeline.Grade fake = (c, tests, workspace, options) -> {
        if (workspace.id().startsWith("bad")) {
            throw new IllegalStateException("the graded JVM did not start");
        }
        return resultOf(workspace, Duration.ofMillis(1_000 + 7 * gradings.incrementAndGet()));
    };

    @BeforeEach
    void course() {
        course = CourseFixture.at(dir.resolve("course"));
    }

    @Test
    @DisplayName("bad --shard values exit 2 with one line each, and grade nothing")
    void badShards() {
        Path batch = batch("alice");
        String form = "is not a shard; write it as K/N, e.g. 2/3 for the second of 3";
        String[][] cases = {
            {"0/3", "'0/3' is not a shard; K must be from 1 to 3"},
            {"4/3", "'4/3' is not a shard; K must be from 1 to 3"},
            {"a/b", "'a/b' " + form},
            {"3", "'3' " + form},
            {"1/0", "'1/0' is not a shard; N, the number of shards, must be at least 1"},
        };
        for (String[] mistake : cases) {
            assertThat(grade(batch, "results", "--shard", mistake[0])).as(mistake[0]).isEqualTo(2);

            assertThat(stderr.toString()).as(mistake[0]).isEqualTo("grader: Invalid value for option '--shard': " + mistake[1]
                    + " (see 'grader grade --help')" + System.lineSeparator());
        }
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    @DisplayName("each submission is graded by exactly one of the shards, and says how many of the batch its shard holds")
    void everySubmissionInOneShard() {
        Path batch = everyone();
        List<String> graded = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            assertThat(grade(batch, "shard-" + k, "--shard", k + "/3")).isZero();

            List<String> mine = submissionsIn(dir.resolve("shard-" + k));
            assertThat(stdout.toString()).contains("note: shard " + k + "/3 holds " + mine.size() + " of the 7 submissions");
            graded.addAll(mine);
        }
        assertThat(graded).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    @DisplayName("a submission is graded by the same shard whatever else is in the batch")
    void sameShardInAnyBatch() {
        Path everyone = everyone();
        Path few = clones(dir.resolve("few"), "zoe", "dave", "alice");
        Map<String, Integer> shardInEveryone = new HashMap<>();
        Map<String, Integer> shardInFew = new HashMap<>();
        for (int k = 1; k <= 3; k++) {
            assertThat(grade(everyone, "everyone-" + k, "--shard", k + "/3")).isZero();
            assertThat(grade(few, "few-" + k, "--shard", k + "/3")).isZero();

            int shard = k;
            submissionsIn(dir.resolve("everyone-" + k)).forEach(id -> shardInEveryone.put(id, shard));
            submissionsIn(dir.resolve("few-" + k)).forEach(id -> shardInFew.put(id, shard));
        }
        assertThat(shardInFew).containsOnlyKeys("zoe", "dave", "alice");
        assertThat(shardInFew.get("alice")).isEqualTo(shardInEveryone.get("alice"));
        assertThat(shardInFew.get("dave")).isEqualTo(shardInEveryone.get("dave"));
    }

    @Test
    @DisplayName("three shards merged write the same files as one run over the whole batch, but for the timings")
    void mergedShardsAreOneRun() throws IOException {
        Path batch = everyone();
        assertThat(grade(batch, "whole")).isZero();
        for (int k = 1; k <= 3; k++) {
            assertThat(grade(batch, "shard-" + k, "--shard", k + "/3")).as("shard %d: %s", k, stderr).isZero();
        }

        assertThat(merge("merged", "shard-1", "shard-2", "shard-3")).as("%s", stderr).isZero();

        assertThat(stdout.toString()).isEqualTo("merged 7 submissions from 3 folders: results in " + dir.resolve("merged")
                + System.lineSeparator());
        Path whole = dir.resolve("whole");
        Path merged = dir.resolve("merged");
        assertThat(Files.readString(merged.resolve("alice/awaitlings.json")))
                .as("graded at other times, so only the normalized files can agree")
                .isNotEqualTo(Files.readString(whole.resolve("alice/awaitlings.json")));
        assertThat(filesIn(merged)).containsExactlyElementsOf(filesIn(whole)).contains("bob/junit/01-alpha.xml", "gradebook.csv");
        for (String file : filesIn(whole)) {
            assertThat(withoutTimings(merged, file)).as(file).isEqualTo(withoutTimings(whole, file));
        }
        assertThat(Files.readString(merged.resolve("alice-2/awaitlings.json"))).contains("renamed from alice to alice-2");

        assertThat(merge("merged-again", "shard-3", "shard-1", "shard-2")).isZero();
        for (String file : filesIn(merged)) {
            assertThat(dir.resolve("merged-again").resolve(file)).as("merged in another order: %s", file)
                    .hasSameBinaryContentAs(merged.resolve(file));
        }
    }

    @Test
    @Timeout(300)
    @DisplayName("graded for real, three shards merged write the same files as one run, but for the timings")
    void realGradingMerged() {
        Batch batch = Batch.of(dir.resolve("real"), Batch.EXERCISE);
        batch.solved("alice");
        batch.stub("dave");
        batch.solved("erin");
        Batch.Graded whole = batch.grade();
        assertThat(whole.exit()).as("%s", whole).isZero();
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Batch.Graded shard = batch.grade("--shard", k + "/3");
            assertThat(shard.exit()).as("%s", shard).isZero();
            assertThat(submissionsIn(shard.out())).as("shard %d", k).hasSize(1);
            shards.add(dir.relativize(shard.out()).toString());
        }

        assertThat(merge(batch.course(), "merged", shards.toArray(String[]::new))).as("%s", stderr).isZero();

        Path merged = dir.resolve("merged");
        assertThat(filesIn(merged)).containsExactlyElementsOf(filesIn(whole.out()));
        for (String file : filesIn(whole.out())) {
            assertThat(withoutTimings(merged, file)).as(file).isEqualTo(withoutTimings(whole.out(), file));
        }
    }

    @Test
    @DisplayName("a submission that could not be graded is merged as its shard wrote it, and the merge exits 1 naming it")
    void notGradedIsMerged() throws IOException {
        Path batch = batch("bad", "erin", "dave");
        for (int k = 1; k <= 3; k++) {
            grade(batch, "shard-" + k, "--shard", k + "/3");
        }

        assertThat(merge("merged", "shard-1", "shard-2", "shard-3")).isEqualTo(1);

        assertThat(stderr.toString()).isEqualTo("grader: 1 submission(s) could not be graded: bad; grade their shards again to"
                + " retry them, then merge again" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("merged/gradebook.csv"))).contains("\r\nbad,0,").contains("\r\ndave,");
    }

    @Test
    @DisplayName("a folder that is missing or not a results folder exits 2 with one line, and merges nothing")
    void notAResultsFolder() {
        Path batch = batch("alice");
        assertThat(grade(batch, "shard-1", "--shard", "1/2")).isZero();

        assertThat(merge("merged", "shard-1", "batch")).isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("grader: not a results folder: " + batch + " (it has no gradebook.csv, no"
                + " report.html and no <id>/awaitlings.json)" + System.lineSeparator());

        assertThat(merge("merged", "shard-1", "nobody")).isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("grader: no such folder: " + dir.resolve("nobody") + System.lineSeparator());
        assertThat(dir.resolve("merged")).doesNotExist();

        assertThat(merge("shard-1", "shard-1")).isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("grader: the merged results cannot go into " + dir.resolve("shard-1")
                + ", one of the folders merged" + System.lineSeparator());
    }

    @Test
    @DisplayName("a submission in two folders exits 2 with one line unless both hold the same result, which is merged once")
    void submissionInTwoFolders() throws IOException {
        Path batch = batch("alice", "dave");
        assertThat(grade(batch, "first")).isZero();
        assertThat(grade(batch, "again")).isZero();
        Folders.copy(dir.resolve("first"), dir.resolve("copy"));

        assertThat(merge("merged", "first", "again")).isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("grader: submission alice has different results in " + dir.resolve("first")
                + " and " + dir.resolve("again") + ": each submission must come from one shard only" + System.lineSeparator());
        assertThat(dir.resolve("merged")).doesNotExist();

        assertThat(merge("merged", "first", "copy")).isZero();
        assertThat(Files.readAllLines(dir.resolve("merged/gradebook.csv"))).hasSize(3);
    }

    @Test
    @DisplayName("merge --help lists every option with its default, and the grader's --help lists merge")
    void mergeHelp() {
        assertThat(grader("merge", "--help")).isZero();
        assertThat(stdout.toString().replaceAll("\\s+", " ")).contains("DIR...", "--out=DIR", "default: grading-results",
                "--formats=LIST", "default: all", "--course=DIR");

        assertThat(grader("--help")).isZero();
        assertThat(stdout.toString()).containsPattern("(?m)^\\s+merge\\s+Merges the results folders of shards");
    }

    /**
     * The text of {@code file} in the results folder {@code root}, its timings blanked and nothing else: in
     * {@code awaitlings.json} the submission's {@code time} and each check's, Gradescope's {@code execution_time},
     * Classroom's {@code duration}s, and JUnit's {@code time}s and {@code timestamp}.
     */
    private static String withoutTimings(Path root, String file) {
        String text = read(root.resolve(file));
        if (file.endsWith("/awaitlings.json")) {
            return blank(text, "\"time\" : \"PT[0-9.HMS]+\"", "\"time\" : \"(timing)\"");
        }
        if (file.endsWith("/results.json")) {
            return blank(text, "\"execution_time\" : \\d+", "\"execution_time\" : \"(timing)\"");
        }
        if (file.endsWith("/classroom.json")) {
            return blank(text, "\"duration\":\\d+", "\"duration\":\"(timing)\"");
        }
        if (file.endsWith(".xml")) {
            return blank(blank(text, " time=\"[0-9.]+\"", " time=\"(timing)\""), " timestamp=\"[0-9T:-]+\"", " timestamp=\"(timing)\"");
        }
        return text;
    }

    private static String blank(String text, String regex, String blank) {
        Matcher timing = Pattern.compile(regex).matcher(text);
        assertThat(timing.results().count()).as("timings matching %s in %s", regex, text).isPositive();
        return timing.replaceAll(Matcher.quoteReplacement(blank));
    }

    /** A folder of many in {@code dir/batch}: a clone of the course for each of {@code ids}. */
    private Path batch(String... ids) {
        return clones(dir.resolve("batch"), ids);
    }

    /** A batch of {@link #IDS}: clones, one of which changed a test, and a zip that shares a clone's name. */
    private Path everyone() {
        Path batch = batch("alice", "bob", "carol", "dave", "erin", "frank");
        write(batch, "bob/exercises/01-alpha/src/test/java/alpha/StubTest.java", "class StubTest { /* passes */ }\n");
        // Named like the folder alice, so renamed alice-2: an id that only the whole batch decides.
        ZipFixture.zip().tree(course.root(), "").writeTo(batch.resolve("alice.zip"));
        return batch;
    }

    private Path clones(Path batch, String... ids) {
        for (String id : ids) {
            cloneOf(course, batch.resolve(id));
        }
        return batch;
    }

    private int grade(Path batch, String out, String... options) {
        List<String> args = new ArrayList<>(List.of("grade", batch.toString(), "--course", course.root().toString(),
                "--out", dir.resolve(out).toString()));
        args.addAll(List.of(options));
        return grader(args.toArray(String[]::new));
    }

    private int merge(String out, String... folders) {
        return merge(course, out, folders);
    }

    /** Merges the folders {@code folders}, relative to {@code dir}, into {@code dir/out}. */
    private int merge(Course course, String out, String... folders) {
        List<String> args = new ArrayList<>(List.of("merge", "--course", course.root().toString(), "--out", dir.resolve(out).toString()));
        Stream.of(folders).map(folder -> dir.resolve(folder).toString()).forEach(args::add);
        return grader(args.toArray(String[]::new));
    }

    private int grader(String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        CommandLine commandLine = Grader.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type != GradeCommand.class) {
                    return CommandLine.defaultFactory().create(type);
                }
                GradeCommand command = new GradeCommand();
                command.compileTests = compileOnce;
                command.grade = fake;
                return type.cast(command);
            }
        });
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }

    /** 01-alpha's hidden check passes for an id of even length; 02-beta's one check never does. */
    private static SubmissionResult resultOf(Workspace workspace, Duration time) {
        boolean even = workspace.id().length() % 2 == 0;
        Check first = new Check(ALPHA, "StubTest.first()", "the first check", 1, false, "");
        Check hidden = new Check(ALPHA, "StubHiddenTest.all()", "all of them at once", 2, true, "Start them all, then wait.");
        Check only = new Check(BETA, "StubTest.only()", "the only check", 1, false, "");
        return new SubmissionResult(workspace.id(), List.of(
                new ExerciseResult(ALPHA, List.of(new Verdict(first, true, ""),
                        new Verdict(hidden, even, even ? "" : "Expecting 3 at once,\nbut measured <1> & \"1\".")), "", false, !even),
                new ExerciseResult(BETA, List.of(new Verdict(only, false, "not yet")), "", false, false)),
                workspace.tampered(), workspace.notes(), "printed by " + workspace.id() + "\n", time);
    }

    private static List<String> submissionsIn(Path results) {
        try (Stream<Path> children = Files.list(results)) {
            return children.filter(Files::isDirectory).map(child -> child.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
