package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.ClassroomReporter;
import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.report.platform.ClassroomReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("grader package")
class PackageCommandTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @Test
    @DisplayName("classroom: a workflow that takes the checks from the course, never from the push, and grades the push with them")
    void classroomTakesTheChecksFromTheCourse() throws Exception {
        assertThat(run("package", "classroom", "--out", out.toString())).isZero();

        JsonNode steps = workflow().at("/jobs/autograding/steps");
        JsonNode student = step(steps, "Check out the student's code");
        JsonNode course = step(steps, "Check out the course, with its tests");
        assertThat(student.at("/with/path").asText()).isEqualTo("submission");
        assertThat(student.at("/with/repository").isMissingNode()).as("the student's checkout is the push itself").isTrue();
        assertThat(course.at("/with/repository").asText()).isEqualTo("${{ vars.COURSE_REPOSITORY }}");
        assertThat(course.at("/with/path").asText()).isEqualTo("course");
        assertThat(step(steps, "Build the grader").at("/working-directory").asText()).isEqualTo("course");
        assertThat(step(steps, "Grade").at("/run").asText())
                .isEqualTo("java -jar course/grader/cli/target/grader.jar grade submission --course course --formats classroom --out results");
    }

    @Test
    @DisplayName("classroom: the workflow hands classroom.json to the real reporter the way it reads it, and the points come out ours")
    void classroomHandsTheResultToTheReporter() throws Exception {
        assumeTrue(ClassroomReporter.installed(), "node is not installed: the Classroom reporter cannot run");
        run("package", "classroom", "--out", out.toString());
        JsonNode steps = workflow().at("/jobs/autograding/steps");
        JsonNode handOver = step(steps, "Hand the result to the reporter");
        JsonNode reporter = step(steps, "Report to GitHub Classroom");
        String runner = reporter.at("/with/runners").asText();
        assertThat(reporter.at("/uses").asText()).isEqualTo("classroom-resources/autograding-grading-reporter@v1");
        assertThat(reporter.at("/env/" + runner.toUpperCase() + "_RESULTS").asText())
                .isEqualTo("${{ steps." + handOver.at("/id").asText() + ".outputs.result }}");

        // The hand-over step, run as Actions runs it: in the workspace, with GITHUB_OUTPUT naming a file.
        Path workspace = Files.createDirectories(out.resolve("workspace"));
        Files.createDirectories(workspace.resolve("results/submission"));
        Files.writeString(workspace.resolve("results/submission/classroom.json"), ClassroomReport.render(SampleResults.bob()));
        Path outputs = workspace.resolve("github-output");
        ProcessBuilder handOverStep = new ProcessBuilder("bash", "-e", "-c", handOver.at("/run").asText()).directory(workspace.toFile());
        handOverStep.environment().put("GITHUB_OUTPUT", outputs.toString());
        Process step = handOverStep.start();
        assertThat(step.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(step.exitValue()).isZero();
        String result = Files.readString(outputs).strip();
        assertThat(result).startsWith("result=");

        ClassroomReporter.Log log = ClassroomReporter.reportEncoded(Map.of(runner, result.substring("result=".length())), out);
        assertThat(log.text()).contains("::notice title=Autograding complete::Points 1/7")
                .contains(SampleResults.TOO_FEW.lines().findFirst().orElseThrow());
    }

    @Test
    @DisplayName("exercism: bin/run.sh, executable, calls the grader's exercism command with its three arguments; and the image's Dockerfile")
    void exercismWritesTheRunner() throws Exception {
        assertThat(run("package", "exercism", "--out", out.toString())).isZero();

        Path runSh = out.resolve("bin/run.sh");
        assertThat(runSh).isExecutable();
        assertThat(Files.readString(runSh)).contains("exercism \"$1\" \"$2\" \"$3\" --course");
        assertThat(Files.readString(out.resolve("Dockerfile"))).contains("COPY exercism/bin/run.sh /opt/test-runner/bin/run.sh");
    }

    @Test
    @DisplayName("an unknown platform, or files that exist without --force, end in one line and exit 2")
    void refusesBadInput() throws Exception {
        assertThat(run("package", "moodle", "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString()).isEqualTo("grader: unknown platform \"moodle\"; known: classroom, exercism, gradescope" + System.lineSeparator());

        run("package", "classroom", "--out", out.toString());
        stderr.getBuffer().setLength(0);
        assertThat(run("package", "classroom", "--out", out.toString())).isEqualTo(2);
        assertThat(stderr.toString()).startsWith("grader: ").contains("classroom.yml exists already (--force replaces it)")
                .hasLineCount(1);
        assertThat(run("package", "classroom", "--out", out.toString(), "--force")).isZero();
    }

    private JsonNode workflow() throws Exception {
        return YAML.readTree(out.resolve(".github/workflows/classroom.yml").toFile());
    }

    private static JsonNode step(JsonNode steps, String name) {
        return StreamSupport.stream(steps.spliterator(), false).filter(step -> step.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step named \"" + name + "\" in " + steps));
    }

    private int run(String... args) {
        CommandLine commandLine = Grader.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }
}
