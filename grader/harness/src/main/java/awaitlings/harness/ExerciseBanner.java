package awaitlings.harness;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one banner per exercise when its tests are done: checks passed, points, and the first failing check with
 * its message and hint. Registered as a JUnit Platform listener, so a plain {@code mvn test} shows it.
 */
public class ExerciseBanner implements TestExecutionListener {

    private static final int MAX_MESSAGE_LINES = 24;
    private static final String RULE = "─".repeat(72);

    private final PrintStream out;
    private final String exercise;
    private final List<CheckResult> results = new ArrayList<>();
    /** Checks that chose not to run here (an assumption that did not hold), with why: neither passed nor failed. */
    private final List<String> skipped = new ArrayList<>();
    private TestPlan plan;

    /** The banner for the exercise this JVM tests, printed to standard output. */
    public ExerciseBanner() {
        this(System.out, exerciseName());
    }

    ExerciseBanner(PrintStream out, String exercise) {
        this.out = out;
        this.exercise = exercise;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
                .forEach(t -> record(t, false, null, "skipped: " + reason));
        if (test.isTest()) {
            record(test, false, null, "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        Throwable failure = result.getThrowable().orElse(null);
        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(test.getDisplayName() + (failure == null || failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        } else if (test.isTest()) {
            record(test, passed, failure, "");
        } else if (!passed) {
            // A test class that cannot start fails every check in it that has not run.
            plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
                    .filter(t -> results.stream().noneMatch(r -> r.name().equals(t.getDisplayName())))
                    .forEach(t -> record(t, false, failure, ""));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!results.isEmpty() || !skipped.isEmpty()) {
            out.println(render(exercise, results, skipped));
            out.flush();
        }
    }

    /** Every check seen so far, in the order they finished. */
    public List<CheckResult> results() {
        return List.copyOf(results);
    }

    static String render(String exercise, List<CheckResult> results) {
        return render(exercise, results, List.of());
    }

    static String render(String exercise, List<CheckResult> results, List<String> skipped) {
        int passed = (int) results.stream().filter(CheckResult::passed).count();
        int earned = results.stream().mapToInt(CheckResult::earned).sum();
        int total = results.stream().mapToInt(CheckResult::points).sum();
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n┌─ %s %s%n", exercise, RULE.substring(Math.min(RULE.length(), exercise.length()))));
        Optional<CheckResult> next = results.stream().filter(r -> !r.passed()).findFirst();
        String left = skipped.isEmpty() ? "" : String.format(" · %d skipped", skipped.size());
        if (next.isEmpty()) {
            b.append(String.format("│ ✔ done: %d of %d checks pass · %d of %d points%s%n", passed, results.size(), earned, total, left));
        } else {
            CheckResult failing = next.get();
            b.append(String.format("│ ✘ %d of %d checks pass · %d of %d points%s%n", passed, results.size(), earned, total, left));
            b.append(String.format("│%n│ Next check to fix: %s  (%s)%n", failing.name(), failing.testClass()));
            failing.message().lines().limit(MAX_MESSAGE_LINES).forEach(line -> b.append("│   ").append(line).append('\n'));
            if (!failing.hint().isEmpty()) {
                b.append(String.format("│ Hint: %s%n", failing.hint()));
            }
        }
        skipped.forEach(reason -> b.append("│ Skipped: ").append(reason).append('\n'));
        return b.append('└').append(RULE).append('─').toString();
    }

    /**
     * Records a check, with the failure's text (or why it was skipped) and the hint to show: the failure's own when it
     * carries one, such as a thread-leak verdict, else the check's.
     */
    private void record(TestIdentifier test, boolean passed, Throwable failure, String skipped) {
        Optional<Method> method = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaMethod());
        int points = method.map(m -> m.getAnnotation(Points.class)).map(Points::value).orElse(1);
        String checkHint = method.map(m -> m.getAnnotation(Hint.class)).map(Hint::value).orElse("");
        String testClass = method.map(m -> m.getDeclaringClass().getSimpleName()).orElse("");
        String message = failure == null ? skipped : FailureText.describe(failure);
        String hint = failure == null ? checkHint : FailureText.hint(failure, checkHint);
        results.add(new CheckResult(testClass, test.getDisplayName(), passed, points, message, hint));
    }

    private static String exerciseName() {
        String named = System.getProperty("awaitlings.exercise");
        if (named != null && !named.isBlank()) {
            return named;
        }
        return Path.of(System.getProperty("user.dir")).getFileName().toString();
    }
}
