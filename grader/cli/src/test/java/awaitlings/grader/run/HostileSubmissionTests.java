package awaitlings.grader.run;

import static awaitlings.grader.fixture.GradingFixture.edit;
import static awaitlings.grader.fixture.GradingFixture.exercise;
import static awaitlings.grader.fixture.GradingFixture.otherThan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.GradingFixture;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solutions with one misbehaving change each: the grade finishes, the culprit loses only the checks that run into
 * the change, each told what happened, and every other exercise is graded exactly as without the change.
 */
@DisplayName("Grading misbehaving submissions")
@Timeout(300)
class HostileSubmissionTests {

    /** An exercise graded beside the one a test changes, to show the change costs it nothing: quick to grade. */
    private static final String BYSTANDER = "04-run-to-completion";

    @TempDir
    Path work;

    @Test
    @DisplayName("System.exit in a method under test costs only the checks that call it")
    void systemExit() throws IOException {
        SubmissionResult result = gradeWith("02-future-not-value", "Greetings.java", "public String greeting(String name) {", "System.exit(3);");

        assertThat(exercise(result, "02-future-not-value").crashed()).isTrue();
        costsOnly(result, "02-future-not-value", List.of("greeting"), "exit code 3", "System.exit");
    }

    @Test
    @DisplayName("Runtime.halt in a method under test costs only the checks that call it")
    void halt() throws IOException {
        SubmissionResult result = gradeWith("03-await-compose", "Checkout.java",
                "public CompletableFuture<Quote> quote(String item) {", "Runtime.getRuntime().halt(7);");

        assertThat(exercise(result, "03-await-compose").crashed()).isTrue();
        costsOnly(result, "03-await-compose", List.of(""), "exit code 7");
    }

    @Test
    @DisplayName("an endless loop costs only the checks that run into it: the time limit stops them, and later checks still run")
    void endlessLoop() throws IOException {
        SubmissionResult result = gradeWith("01-coffee-shop", "CoffeeShop.java", "public Coffee orderAndWait(String drink) {",
                "while (drink != null) { Thread.onSpinWait(); }");

        costsOnly(result, "01-coffee-shop", List.of("orderAndWait"), "timed out after", "CoffeeShop.orderAndWait");
    }

    @Test
    @DisplayName("a memory bomb costs only the checks that run it, each told it ran out of memory")
    void memoryBomb() throws IOException {
        SubmissionResult result = gradeWith("02-future-not-value", "LazyTask.java", "public synchronized CompletableFuture<T> start() {",
                "java.util.List<byte[]> hoard = new java.util.ArrayList<>(); while (hoard.size() >= 0) { hoard.add(new byte[1 << 20]); }");

        costsOnly(result, "02-future-not-value", List.of("start", "Start", "lazy", "Lazy"), "ran out of memory");
    }

    @Test
    @DisplayName("a deadlock costs only the checks that run into it, and their message shows the deadlock")
    void deadlock() throws IOException {
        SubmissionResult result = gradeWith("01-coffee-shop", "CoffeeShop.java", "public Coffee orderAndWait(String drink) {", """
                Object left = new Object();
                Object right = new Object();
                java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                Thread one = new Thread(() -> { synchronized (left) { both.countDown(); try { both.await(); } catch (InterruptedException e) { return; } synchronized (right) { } } }, "left");
                Thread two = new Thread(() -> { synchronized (right) { both.countDown(); try { both.await(); } catch (InterruptedException e) { return; } synchronized (left) { } } }, "right");
                one.start();
                two.start();
                try { one.join(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                """);

        costsOnly(result, "01-coffee-shop", List.of("orderAndWait"), "timed out after", "Deadlock", "\"left\"", "\"right\"");
    }

    @Test
    @DisplayName("50 MB of output is kept to its head and tail, and changes no verdict")
    void floodOfOutput() throws IOException {
        SubmissionResult result = gradeWith("01-coffee-shop", "CoffeeShop.java", "public Coffee orderAndWait(String drink) {", """
                byte[] line = new byte[1 << 20];
                java.util.Arrays.fill(line, (byte) 'x');
                for (int i = 0; i < 50; i++) { System.out.write(line, 0, line.length); }
                System.out.flush();
                """);

        assertThat(result.verdicts()).allMatch(Verdict::passed);
        assertThat(result.output()).hasSizeLessThan(64 * 1024).containsPattern("cut \\d+ bytes");
    }

    @Test
    @DisplayName("a thread-spawning loop costs only the checks that run it, and leaves the machine alone")
    void threadBomb() throws IOException {
        assumeTrue(Sandbox.detected().isolated(), "a thread bomb is only safe to run in the sandbox (root on Linux)");
        SubmissionResult result = gradeWith("05-loop-lifecycle", "ReportJob.java", "public String run() {", """
                for (int i = 0; i < 100_000; i++) {
                    new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }).start();
                }
                """);

        assertThat(exercise(result, "05-loop-lifecycle").verdicts()).anyMatch(v -> !v.passed())
                .anyMatch(v -> v.passed() && v.check().id().contains("closedLoopRefusesWork"));
        assertThat(otherThan(result, "05-loop-lifecycle")).allMatch(Verdict::passed);
    }

    /**
     * Grades the solutions of {@code exercise} and of one other exercise, with {@code statement} inserted at the start
     * of the method that {@code signature} opens.
     */
    private SubmissionResult gradeWith(String exercise, String file, String signature, String statement) throws IOException {
        GradingFixture course = GradingFixture.of(work, exercise, exercise.equals(BYSTANDER) ? "01-coffee-shop" : BYSTANDER);
        Path submission = course.solutions(work);
        edit(submission, exercise, file, code -> code.replace(signature, signature + System.lineSeparator() + statement));
        return course.grade(work, submission);
    }

    /**
     * Only checks of {@code name} failed, each one whose id holds one of {@code ids} and whose message holds every one
     * of {@code texts}; at least one of its checks passed, and every other exercise passed entirely.
     */
    private static void costsOnly(SubmissionResult result, String name, List<String> ids, String... texts) {
        ExerciseResult exercise = exercise(result, name);
        assertThat(exercise.verdicts().stream().filter(v -> !v.passed())).isNotEmpty().allSatisfy(v -> {
            assertThat(v.check().id()).containsAnyOf(ids.toArray(String[]::new));
            assertThat(v.message()).contains(texts);
        });
        assertThat(exercise.verdicts()).anyMatch(Verdict::passed);
        assertThat(otherThan(result, name)).allSatisfy(v -> assertThat(v.passed()).as(v.check().id()).isTrue());
    }
}
