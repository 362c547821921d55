package awaitlings.grader.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.command.Grader;
import awaitlings.grader.files.Folders;
import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.CourseFixture;
import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** The learner's recheck gives grade's verdicts on the visible checks, and nothing the learner's code does stops it. */
@DisplayName("the learner's recheck")
@Timeout(600)
class RecheckTests {

    private static final String EXERCISE = "01-coffee-shop";
    private static final String TASK_1 = "throw new UnsupportedOperationException(\"Implement CoffeeShop.orderAndWait() — task 1\");";

    @TempDir
    Path work;

    private Course course;
    private Course clone;

    @BeforeEach
    void aCourseAndALearnersClone() {
        course = Batch.of(work, EXERCISE).course();
        clone = Course.at(CourseFixture.cloneOf(course, work.resolve("clone")));
    }

    @Test
    @DisplayName("on the stub, a partly solved, a solved and a non-compiling exercise, its verdicts are grade's on the visible checks")
    void sameVerdictsAsGrade() throws IOException {
        GradingFixture grade = GradingFixture.of(course, Files.createDirectories(work.resolve("grading")));
        try (Recheck recheck = new Recheck(clone, "01", Duration.ofSeconds(5), Duration.ofMinutes(2))) {
            assertSame(recheck.run(), grade.grade(Files.createDirectories(work.resolve("g1")), learnerCode()), "the stub");

            learnerEdits(stub -> stub.replace(TASK_1, "return barista.brew(drink);"));
            ExerciseResult partly = recheck.run();
            assertThat(partly.verdicts()).anyMatch(Verdict::passed).anyMatch(v -> !v.passed());
            assertSame(partly, grade.grade(Files.createDirectories(work.resolve("g2")), learnerCode()), "task 1 solved");

            Folders.delete(sources());
            Folders.copy(course.solution(EXERCISE).resolve("src/main/java"), sources());
            ExerciseResult solved = recheck.run();
            assertThat(solved.verdicts()).isNotEmpty().allMatch(Verdict::passed);
            assertSame(solved, grade.grade(Files.createDirectories(work.resolve("g3")), learnerCode()), "the solution");

            learnerEdits(code -> code.replace("public Coffee orderAndWait(String drink) {", "public Coffee orderAndWait(String drink) { int"));
            ExerciseResult broken = recheck.run();
            assertThat(broken.compileError()).as("javac's diagnostic names the learner's own file, with its line")
                    .startsWith("exercises/01-coffee-shop/src/main/java/awaitlings/coffee/CoffeeShop.java:36: error:");
            assertThat(grade.grade(Files.createDirectories(work.resolve("g4")), learnerCode()).exercises().get(0).compileError()).isNotEmpty();
            assertThat(broken.verdicts()).noneMatch(Verdict::passed);
        }
    }

    @Test
    @DisplayName("code that does not compile from the start is told with javac's diagnostic, and the next save is checked")
    void notCompilingFromTheStart() throws IOException {
        learnerEdits(stub -> stub.replace(TASK_1, "return barista.brew(drink)"));
        try (Recheck recheck = new Recheck(clone, EXERCISE, Duration.ofSeconds(5), Duration.ofMinutes(2))) {
            ExerciseResult broken = recheck.run();
            assertThat(broken.compileError()).startsWith("exercises/01-coffee-shop/src/main/java/awaitlings/coffee/CoffeeShop.java:40: error:")
                    .contains("';' expected");
            learnerEdits(code -> code.replace("return barista.brew(drink)", "return barista.brew(drink);"));
            assertThat(recheck.run().verdicts()).isNotEmpty().anyMatch(Verdict::passed);
        }
    }

    @Test
    @DisplayName("a System.exit or an endless loop in the learner's code costs one recheck; the next one runs")
    void exitAndEndlessLoopAreContained() throws IOException {
        try (Recheck recheck = new Recheck(clone, EXERCISE, Duration.ofSeconds(2), Duration.ofMinutes(2))) {
            learnerEdits(stub -> stub.replace(TASK_1, "System.exit(3); return null;"));
            ExerciseResult exited = recheck.run();
            assertThat(exited.crashed()).isTrue();
            assertThat(exited.verdicts().get(0).message()).startsWith("This check ended the JVM that ran it (exit code 3)");
            learnerEdits(code -> code.replace("System.exit(3); return null;", "while (true) { Thread.onSpinWait(); }"));
            ExerciseResult looping = recheck.run();
            assertThat(looping.verdicts().get(0).message()).startsWith("orderAndWaitWaitsForTheCoffee() timed out after 2000 milliseconds");
            learnerEdits(code -> code.replace("while (true) { Thread.onSpinWait(); }", "return barista.brew(drink);"));
            assertThat(recheck.run().verdicts()).anyMatch(Verdict::passed);
        }
    }

    @Test
    @DisplayName("the graded JVM started for the next recheck waits while the learner edits, and ends when watching ends")
    void theJvmStartedAheadEndsWithTheRecheck() throws IOException {
        Set<Long> before = descendants();
        try (Recheck recheck = new Recheck(clone, EXERCISE, Duration.ofSeconds(5), Duration.ofMinutes(2))) {
            recheck.run();
            assertThat(descendants()).as("processes started for the next recheck").isNotEmpty().isNotEqualTo(before);
            learnerEdits(stub -> stub.replace(TASK_1, "return barista.brew(drink);"));
            assertThat(recheck.run().verdicts()).as("the next recheck, in the JVM started ahead").anyMatch(Verdict::passed);
        }
        assertThat(descendants()).as("processes left once watching ended").isEqualTo(before);
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Test
    @Tag("slow")
    @DisplayName("(slow) on a partly solved exercise of the learners' copy, its verdicts are those of ./mvnw test")
    void sameVerdictsAsMaven() throws Exception {
        Path copy = work.resolve("learners");
        assertThat(Grader.commandLine(CommandLine.defaultFactory()).execute("export", "--course", GradingFixture.COURSE.root().toString(),
                "--out", copy.toString())).isZero();
        clone = Course.at(copy);
        learnerEdits(stub -> stub.replace(TASK_1, "return barista.brew(drink);"));

        Path log = work.resolve("build.log");
        ProcessBuilder build = new ProcessBuilder(copy.resolve("mvnw").toString(), "-o", "-q", "test", "-pl", "exercises/" + EXERCISE, "-am")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = build.start();
        try {
            assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("the build ended within 5 minutes:%n%s", Files.readString(log)).isTrue();
        } finally {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
        Map<String, Boolean> byMaven = surefireVerdicts(clone.exercise(EXERCISE).resolve("target/surefire-reports"));

        try (Recheck recheck = new Recheck(clone, EXERCISE, Duration.ofSeconds(10), Duration.ofMinutes(2))) {
            Map<String, Boolean> byRecheck = passedById(recheck.run());
            assertThat(byRecheck).as("recheck's verdicts (first) against Maven's (second); Maven said:%n%s", Files.readString(log))
                    .isEqualTo(byMaven).containsValue(true).containsValue(false);
        }
    }

    @Test
    @DisplayName("a check that explores interleavings gets grade's verdict on a racy start() and on a correct one")
    void exploredRacesAsGrade() throws IOException {
        String exercise = "02-future-not-value";
        Batch races = Batch.of(work.resolve("races"), exercise);
        // The explored check is hidden; made visible here, so that the recheck runs it as a learner's copy would.
        Path hidden = races.course().solution(exercise).resolve("src/test/java/awaitlings/futures/FutureNotValueHiddenTest.java");
        Files.move(hidden, races.course().exercise(exercise).resolve("src/test/java/awaitlings/futures/FutureNotValueHiddenTest.java"));
        Folders.delete(races.course().solution(exercise).resolve("src/test"));
        Course racesClone = Course.at(CourseFixture.cloneOf(races.course(), work.resolve("races-clone")));
        Path sources = racesClone.exercise(exercise).resolve("src/main/java");
        Folders.delete(sources);
        Folders.copy(races.course().solution(exercise).resolve("src/main/java"), sources);
        GradingFixture grade = GradingFixture.of(races.course(), Files.createDirectories(work.resolve("races-grading")));
        String check = "FutureNotValueHiddenTest.startFromTwoThreadsRunsTheWorkOnce()";
        try (Recheck recheck = new Recheck(racesClone, "02", Duration.ofSeconds(5), Duration.ofMinutes(2))) {
            ExerciseResult locked = recheck.run();
            assertThat(passedById(locked)).containsEntry(check, true);
            assertSame(locked, grade.grade(Files.createDirectories(work.resolve("r1")), copyOf(sources, exercise)), "a synchronized start()");

            Path lazyTask = sources.resolve("awaitlings/futures/LazyTask.java");
            Files.writeString(lazyTask, Files.readString(lazyTask).replace("public synchronized CompletableFuture<T> start()",
                    "public CompletableFuture<T> start()"));
            ExerciseResult racy = recheck.run();
            assertThat(passedById(racy)).containsEntry(check, false);
            assertThat(racy.verdicts()).filteredOn(v -> v.check().id().equals(check)).singleElement()
                    .extracting(Verdict::message).asString().contains("when the threads' steps ran in this order:");
            assertSame(racy, grade.grade(Files.createDirectories(work.resolve("r2")), copyOf(sources, exercise)), "a racy start()");
        }
    }

    /** Check id ({@code CoffeeShopTest.method()}) → passed, from surefire's XML reports. */
    private static Map<String, Boolean> surefireVerdicts(Path reports) throws Exception {
        Map<String, Boolean> passed = new TreeMap<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                String name = report.getFileName().toString();
                String testClass = name.substring(name.lastIndexOf('.', name.length() - 5) + 1, name.length() - 4);
                NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                        .getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testcase = (Element) cases.item(i);
                    boolean failed = testcase.getElementsByTagName("failure").getLength() > 0
                            || testcase.getElementsByTagName("error").getLength() > 0;
                    passed.put(testClass + "." + testcase.getAttribute("name") + "()", !failed);
                }
            }
        }
        return passed;
    }

    private static void assertSame(ExerciseResult recheck, awaitlings.grader.model.SubmissionResult graded, String what) {
        assertThat(passedById(recheck)).as("recheck's verdicts on %s (first) against grade's (second)", what)
                .isEqualTo(passedById(graded.exercises().get(0)));
    }

    /** Check id → passed, for the visible checks: the learner has only those. */
    private static Map<String, Boolean> passedById(ExerciseResult result) {
        Map<String, Boolean> passed = new TreeMap<>();
        result.verdicts().stream().filter(v -> !v.check().hidden()).forEach(v -> passed.put(v.check().id(), v.passed()));
        return passed;
    }

    private Path sources() {
        return clone.exercise(EXERCISE).resolve("src/main/java");
    }

    private void learnerEdits(UnaryOperator<String> change) throws IOException {
        Path shop = sources().resolve("awaitlings/coffee/CoffeeShop.java");
        Files.writeString(shop, change.apply(Files.readString(shop)));
    }

    /** The learner's code as grade takes it: {@code <exercise>/…java}. */
    private Path learnerCode() throws IOException {
        return copyOf(sources(), EXERCISE);
    }

    private Path copyOf(Path sources, String exercise) throws IOException {
        Path code = work.resolve("code-" + System.nanoTime());
        Folders.copy(sources, code.resolve(exercise));
        return code;
    }
}
