package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.model.Course;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("grader export")
class ExportTests {

    private static final Course COURSE = Course.at(Path.of(System.getProperty("awaitlings.root", "../..")));

    /** A Markdown link's target: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    /** The head of an exercise's banner and the line below it, for an exercise with a check to fix. */
    private static final Pattern FAILING_BANNER = Pattern.compile("(?m)^┌─ (\\S+) ─+\\R│ ✘ ");

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int grader(String... args) {
        CommandLine commandLine = Grader.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }

    /** The course exported into {@code out}, which must succeed. */
    private Path export(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--course", COURSE.root().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        assertThat(grader(args.toArray(String[]::new))).as(stderr.toString()).isZero();
        return out;
    }

    private static List<String> filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("the copy holds the build, every exercise, the harness and the grader's sources for the learner's loop,"
            + " and nothing of the solutions, hidden tests, grader's tests, course check, CI or build output")
    void holdsWhatLearnersNeedOnly() throws IOException {
        Path out = export(dir.resolve("learners"));

        List<String> files = filesIn(out);
        assertThat(files).contains("pom.xml", "README.md", "mvnw", "mvnw.cmd", ".gitignore", ".mvn/maven.config",
                "exercises/pom.xml", "grader/harness/pom.xml", "grader/jdk21-note/pom.xml", "grader/learn", "grader/cli/pom.xml",
                "grader/cli/src/main/java/awaitlings/grader/learn/Watch.java");
        for (String exercise : COURSE.exercises()) {
            assertThat(files).as(exercise).contains("exercises/" + exercise + "/README.md", "exercises/" + exercise + "/pom.xml")
                    .anyMatch(file -> file.startsWith("exercises/" + exercise + "/src/main/java/"))
                    .anyMatch(file -> file.startsWith("exercises/" + exercise + "/src/test/java/"));
        }
        assertThat(files).noneMatch(file -> file.startsWith("solutions/") || file.contains("HiddenTest")
                || file.startsWith(".ci/") || file.startsWith("grader/course-check/") || file.startsWith("grader/cli/src/test/")
                || file.startsWith("grader/cli/bench/") || file.contains("/target/") || file.startsWith("target/"));
        assertThat(Files.isExecutable(out.resolve("mvnw"))).as("mvnw is executable").isTrue();
        assertThat(Files.isExecutable(out.resolve("grader/learn"))).as("grader/learn is executable").isTrue();
        assertThat(stdout.toString()).isEqualTo("exported " + COURSE.exercises().size() + " exercises to "
                + out.toAbsolutePath().normalize() + System.lineSeparator());
        assertThat(stderr.toString()).isEmpty();
    }

    @Test
    @DisplayName("the README keeps the learners' parts only, and every relative link of every README leads into the copy")
    void readmesForLearners() throws IOException {
        Path out = export(dir.resolve("learners"));

        String readme = Files.readString(out.resolve("README.md"));
        assertThat(readme).contains("## For learners", "## From asyncio to Java", "./mvnw test")
                .doesNotContain("solutions/", "-P course", "## For instructors", "## For contributors", "grader/cli",
                        "course-check", ".ci/", "instructor-only");
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(out)) {
            readmes = files.filter(file -> file.getFileName().toString().endsWith(".md")).toList();
        }
        assertThat(readmes).hasSizeGreaterThan(COURSE.exercises().size());
        for (Path file : readmes) {
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                    continue; // an anchor in the same file, or a web address
                }
                Path resolved = file.getParent().resolve(target).normalize();
                assertThat(resolved).as("%s links to %s", out.relativize(file), link.group(1)).startsWith(out).exists();
            }
        }
    }

    @Test
    @DisplayName("the root pom names no module or profile of what stayed behind, and builds the grader only in the learn profile")
    void pomForLearners() throws IOException {
        String pom = Files.readString(export(dir.resolve("learners")).resolve("pom.xml"));

        assertThat(pom).contains("<module>grader/harness</module>", "<module>exercises/01-coffee-shop</module>",
                        "<id>jdk21</id>", "<id>before-jdk21</id>", "<module>grader/jdk21-note</module>", "<id>learn</id>")
                .doesNotContain("solutions", "course-check", "<id>course</id>", "<id>mutation</id>", "instructor-only");
        assertThat(pom.split("<module>grader/cli</module>", -1)).as("grader/cli is a module once, in the learn profile")
                .hasSize(2);
        assertThat(pom.substring(0, pom.indexOf("<profiles>"))).doesNotContain("grader/cli");
    }

    /** How a command run in the copy ended: whether in time, its exit code, and what it printed. */
    private record Ended(boolean finished, int exitCode, String output) {
    }

    /** Runs {@code command} in {@code folder} on this test's JDK (so a build leaves out the exercises it cannot build). */
    private Ended runIn(Path folder, ProcessBuilder command, int minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        command.directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = command.start();
        boolean finished;
        try {
            finished = process.waitFor(minutes, TimeUnit.MINUTES);
        } finally {
            // A command that overran, or a test that was stopped, must not leave Maven and its test JVMs running.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Ended(finished, finished ? process.exitValue() : -1, Files.readString(log));
    }

    /** The learner's loop on the copy, as on a fresh clone of the template: its script builds the grader, then runs. */
    @Test
    @Tag("slow")
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    @DisplayName("(slow) the copy's grader/learn builds the grader the first time and lists every exercise as not done")
    void learnersLoopRunsOnTheCopy() throws IOException, InterruptedException {
        Path out = export(dir.resolve("learners"));
        ProcessBuilder learn = new ProcessBuilder(out.resolve("grader/learn").toString(), "list");
        learn.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        learn.environment().put("MAVEN_ARGS", "-o");
        Ended ended = runIn(out, learn, 5);
        String output = ended.output();

        assertThat(ended.finished()).as("grader/learn list ended within 5 minutes:%n%s", output).isTrue();
        assertThat(ended.exitCode()).as(output).isZero();
        assertThat(output).as(output).contains("Building the grader");
        for (String exercise : COURSE.exercises()) {
            assertThat(output).as(output).contains(exercise);
        }
    }

    /** The slow one: a whole learner's build of the copy, as on a fresh clone of the template. */
    @Test
    @Tag("slow")
    @Timeout(value = 11, unit = TimeUnit.MINUTES)
    @DisplayName("(slow) the copy builds offline, and its ./mvnw test fails by its exercises' checks only, each with its banner")
    void buildsAndEveryExerciseFails() throws IOException, InterruptedException {
        Path out = export(dir.resolve("learners"));
        Ended ended = runIn(out, new ProcessBuilder(out.resolve("mvnw").toString(), "-o", "-q", "test"), 10);
        String output = ended.output();

        assertThat(ended.finished()).as("the build ended within 10 minutes:%n%s", output).isTrue();
        assertThat(ended.exitCode()).as(output).isNotZero();
        List<String> builtHere = COURSE.exercises().stream()
                .filter(exercise -> COURSE.release(exercise) <= Runtime.version().feature()).toList();
        List<String> failing = new ArrayList<>();
        Matcher banner = FAILING_BANNER.matcher(output);
        while (banner.find()) {
            failing.add(banner.group(1));
        }
        assertThat(failing).as(output).containsExactlyInAnyOrderElementsOf(builtHere);
        assertThat(output).as("nothing but the checks failed").doesNotContain("COMPILATION ERROR", "Could not resolve",
                "Non-resolvable", "Child module", "Could not find artifact");
        List<String> failedGoals = output.lines().filter(line -> line.contains("Failed to execute goal")).toList();
        assertThat(failedGoals).as(output).hasSameSizeAs(builtHere)
                .allMatch(line -> line.contains("maven-surefire-plugin") && line.contains(":test ")
                        && line.contains("on project exercise-"));
    }

    @Test
    @DisplayName("a folder that is not empty is refused without --force: exit 2, one line, and the folder as it was")
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path out = Files.createDirectories(dir.resolve("learners"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        assertThat(grader("export", "--course", COURSE.root().toString(), "--out", out.toString())).isEqualTo(2);

        assertThat(stderr.toString()).isEqualTo("grader: --out " + out + " is not empty; pass --force to replace an"
                + " earlier export there" + System.lineSeparator());
        assertThat(filesIn(out)).containsExactly("notes.txt");
        assertThat(stdout.toString()).isEmpty();
    }

    @Test
    @DisplayName("--force replaces an earlier export, and keeps its .git as it was")
    void forceReplacesAnEarlierExport() throws IOException {
        Path out = export(dir.resolve("learners"));
        Files.writeString(Files.createDirectories(out.resolve(".git")).resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(out.resolve("exercises/01-coffee-shop/stale.txt"), "from last term\n");
        stdout.getBuffer().setLength(0);

        export(out, "--force");

        assertThat(out.resolve(".git/HEAD")).hasContent("ref: refs/heads/main");
        assertThat(out.resolve("exercises/01-coffee-shop/stale.txt")).doesNotExist();
        assertThat(out.resolve("exercises/01-coffee-shop/README.md")).exists();
        assertThat(stdout.toString()).endsWith(" (its .git kept as it was)" + System.lineSeparator());
    }

    @Test
    @DisplayName("--force leaves alone a folder that is not an earlier export, and the course itself: exit 2, one line")
    void forceRefusesWhatIsNotAnExport() throws IOException {
        Path out = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(out.resolve("thesis.txt"), "years of work\n");

        assertThat(grader("export", "--course", COURSE.root().toString(), "--out", out.toString(), "--force")).isEqualTo(2);
        assertThat(grader("export", "--course", COURSE.root().toString(), "--out", COURSE.root().toString(), "--force")).isEqualTo(2);

        assertThat(filesIn(out)).containsExactly("thesis.txt");
        assertThat(stderr.toString().lines()).hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("grader: --out " + out + " is not an earlier export"),
                        line -> assertThat(line).startsWith("grader: --out " + COURSE.root() + " must lie outside the course"));
    }
}
