package awaitlings.grader.command;

import static awaitlings.grader.fixture.CourseFixture.write;
import static awaitlings.grader.fixture.SoundCourse.ANSWER;
import static awaitlings.grader.fixture.SoundCourse.ECHO;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.SoundCourse;
import awaitlings.grader.model.Course;
import awaitlings.grader.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("grader verify")
@Timeout(300)
class VerifyCommandTests {

    @TempDir
    Path dir;

    private final VerifyCommand command = new VerifyCommand();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int verify(Course course, String... args) {
        List<String> all = new ArrayList<>(List.of("verify", "--course", course.root().toString()));
        all.addAll(List.of(args));
        CommandLine commandLine = Grader.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == VerifyCommand.class ? type.cast(command) : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(all.toArray(String[]::new));
    }

    private List<String> lines() {
        return stdout.toString().lines().toList();
    }

    @Test
    @DisplayName("a sound course exits 0 with its summary; an exercise for a newer JDK is noted as skipped, not found")
    void soundCourse() {
        Course course = SoundCourse.at(dir.resolve("course"));
        SoundCourse.addForJdk(course, "03-later", 99);

        assertThat(verify(course)).as("stdout:%n%s%nstderr:%n%s", stdout, stderr).isZero();

        assertThat(lines()).containsExactly("skipped: 03-later needs JDK 99+", "course is sound: 2 exercises, 4 checks, 1 run");
        assertThat(stderr.toString()).as("progress").contains("solution-1", "stub-1");
    }

    @Test
    @DisplayName("--no-hidden verifies the visible checks only")
    void noHidden() {
        Course course = SoundCourse.at(dir.resolve("course"));

        assertThat(verify(course, "--no-hidden")).as("stdout:%n%s%nstderr:%n%s", stdout, stderr).isZero();

        assertThat(lines()).containsExactly("course is sound: 2 exercises, 2 checks, 1 run");
    }

    @Test
    @DisplayName("a broken course exits 1 with a line for each broken promise: README, vacuous check, points, API, failing check")
    void brokenCourse() throws IOException {
        Course course = SoundCourse.at(dir.resolve("course"));
        SoundCourse.addVisibleCheck(course, ANSWER, SoundCourse.body("nothing", "nothing is asked", 1, "assertEquals(1, 1);"));
        SoundCourse.addVisibleCheck(course, ANSWER, SoundCourse.body("free", "a check worth nothing", 0, "assertEquals(42, Answer.value());"));
        SoundCourse.addVisibleCheck(course, ECHO, SoundCourse.body("loud", "echo shouts", 1, "assertEquals(\"HELLO\", Echo.of(\"hello\"));"));
        SoundCourse.edit(SoundCourse.source(course, "solutions", ECHO), code -> code.replace("public class Echo {",
                "public class Echo {\n    public static String twice(String word) {\n        return word + word;\n    }\n"));
        SoundCourse.edit(course.exercise(ECHO).resolve("README.md"), readme -> readme.replace("## Hints", "## Tips"));
        Files.delete(course.exercise(ANSWER).resolve("README.md"));

        assertThat(verify(course)).as("stdout:%n%s%nstderr:%n%s", stdout, stderr).isEqualTo(1);

        List<String> lines = lines();
        assertThat(lines.subList(0, 5)).containsExactly(
                "readme: 01-answer: no README.md",
                "vacuous: 01-answer › nothing is asked passes on the stub",
                "points: 01-answer › a check worth nothing is worth 0 points; a check is worth at least 1",
                "readme: 02-echo: no Hints section",
                "api: 02-echo: the solution has public static java.lang.String echo.Echo.twice(java.lang.String) that the stub lacks");
        assertThat(lines.get(5)).startsWith("failing: 02-echo › echo shouts fails on the solution: ").contains("HELLO");
        assertThat(lines.subList(6, lines.size())).containsExactly("course is not sound: 6 findings");
    }

    @Test
    @DisplayName("with --repeat, a check whose verdict changes between runs is named as flaky, with the runs that disagreed")
    void flakyCheck() {
        Course course = SoundCourse.at(dir.resolve("course"));
        SoundCourse.addVisibleCheck(course, ANSWER, SoundCourse.body("odd", "the run is odd", 1,
                "assertEquals(42, Answer.value());\n        assertEquals(1, Class.forName(\"answer.Run\").getField(\"NUMBER\").getInt(null) % 2);"));
        // Each grading of the solution gets the next number, as a counter file would give it: odd, even, odd.
        AtomicInteger counter = new AtomicInteger();
        command.grade = (c, tests, workspace, options) -> {
            if (workspace.id().startsWith("solution")) {
                write(workspace.sources(ANSWER), "answer/Run.java",
                        "package answer;\n\npublic class Run {\n    public static final int NUMBER = " + counter.incrementAndGet() + ";\n}\n");
            }
            return Pipeline.Grade.IN_GRADED_JVMS.grade(c, tests, workspace, options);
        };

        assertThat(verify(course, "--repeat", "3")).as("stdout:%n%s%nstderr:%n%s", stdout, stderr).isEqualTo(1);

        assertThat(lines()).hasSize(2).last().isEqualTo("course is not sound: 1 finding");
        Matcher flaky = Pattern.compile("flaky: 01-answer › the run is odd: passed in runs ([123]),([123]); failed in run ([123]) on the solution")
                .matcher(lines().get(0));
        assertThat(flaky.matches()).as(lines().get(0)).isTrue();
        assertThat(List.of(flaky.group(1), flaky.group(2), flaky.group(3))).as("each run once").containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    @DisplayName("--repeat 0 exits 2 with one line, and grades nothing")
    void repeatZero() {
        Course course = CourseFixture.at(dir.resolve("course"));
        command.grade = (c, tests, workspace, options) -> {
            throw new AssertionError("graded " + workspace.id());
        };

        assertThat(verify(course, "--repeat", "0")).isEqualTo(2);

        assertThat(stderr.toString()).isEqualTo("grader: --repeat must be at least 1, was 0 (see 'grader verify --help')" + System.lineSeparator());
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    @DisplayName("the real course's first exercise is sound")
    void realExercise() {
        Course course = Batch.of(dir, Batch.EXERCISE).course();

        assertThat(verify(course)).as("stdout:%n%s%nstderr:%n%s", stdout, stderr).isZero();

        assertThat(lines()).singleElement().asString().matches("course is sound: 1 exercise, \\d+ checks, 1 run");
    }
}
