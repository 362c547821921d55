package awaitlings.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.harness.FailureText;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a graded JVM: runs the checks of a {@link RunPlan} and appends one line per event to the plan's
 * events file — never to standard output, so nothing the learner's code prints can forge a result. A line is
 * written and flushed before and after each check, so if the JVM dies the grader knows which check killed it.
 */
public final class CheckRunner {

    private CheckRunner() {
    }

    public static void main(String[] args) throws IOException {
        RunPlan plan = new ObjectMapper().readValue(Path.of(args[0]).toFile(), RunPlan.class);
        try (PrintStream events = new PrintStream(new FileOutputStream(plan.events(), true), true, StandardCharsets.UTF_8)) {
            for (RunPlan.Exercise exercise : plan.exercises()) {
                run(exercise, plan.testLimit(), events);
            }
        }
        // Threads the learner's code leaked must not keep this JVM alive.
        System.exit(0);
    }

    private static void run(RunPlan.Exercise exercise, String testLimit, PrintStream events) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(CompiledTests.urls(exercise.classpath().stream().map(Path::of).toList()),
                CheckRunner.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(exercise.checks().stream().map(s -> selectMethod(loader, s.className(), s.method())).toList())
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.timeout.default", testLimit)
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build();
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request, new EventWriter(exercise.exercise(), events));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Writes START and END lines: {@code START<TAB>exercise<TAB>id} and {@code END<TAB>exercise<TAB>id<TAB>PASS|FAIL<TAB>base64(message)}. */
    static final class EventWriter implements TestExecutionListener {
        /** Far more than any correct exercise keeps alive between checks. */
        private static final int MAX_LIVE_THREADS = 200;
        private final String exercise;
        private final PrintStream events;
        private final Set<String> ended = new HashSet<>();
        private TestPlan plan;

        EventWriter(String exercise, PrintStream events) {
            this.exercise = exercise;
            this.events = events;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                events.println("START\t" + exercise + "\t" + id(test));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            endAll(test, "This check was skipped: " + reason);
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            String message = result.getThrowable().map(FailureText::describe).orElse("");
            if (test.isTest()) {
                end(test, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, message);
                if (leftThreadsBehind(message)) {
                    // A timed-out check's thread may spin on, and a thread bomb's threads live on: either would
                    // weigh on every later check. The grader runs the remaining checks in a fresh JVM.
                    events.flush();
                    Runtime.getRuntime().halt(0);
                }
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                endAll(test, "The checks of this class could not start: " + message);
            }
        }

        private static boolean leftThreadsBehind(String message) {
            return message.contains(" timed out after ") || Thread.activeCount() > MAX_LIVE_THREADS;
        }

        private void endAll(TestIdentifier container, String message) {
            List<TestIdentifier> tests = container.isTest() ? List.of(container)
                    : plan.getDescendants(container).stream().filter(TestIdentifier::isTest).toList();
            tests.forEach(t -> end(t, false, message));
        }

        private void end(TestIdentifier test, boolean passed, String message) {
            String id = id(test);
            if (ended.add(id)) {
                events.println("END\t" + exercise + "\t" + id + "\t" + (passed ? "PASS" : "FAIL") + "\t"
                        + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
            }
        }

        private static String id(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName() + "()")
                    .orElse(test.getDisplayName());
        }
    }
}
