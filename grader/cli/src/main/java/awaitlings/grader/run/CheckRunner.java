package awaitlings.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import awaitlings.grader.model.CallBar;
import awaitlings.grader.model.TextCap;
import awaitlings.harness.CallEvent;
import awaitlings.harness.CallSpan;
import awaitlings.harness.FailureText;
import awaitlings.harness.Hint;
import awaitlings.harness.Timelines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a graded JVM: runs the checks of a {@link RunPlan} and reports each one's start and end through
 * the plan's {@link ReportChannel}. It connects and proves itself with the token from its standard input before any
 * class of the learner's is loaded; the connection lives only in local variables and in the listener JUnit calls, so
 * the learner's code finds it by no name or path. Nothing the learner's code prints can forge a result: standard
 * output is not the channel. A line is sent before and after each check, so if the JVM dies the grader knows which
 * check killed it.
 */
public final class CheckRunner {

    private CheckRunner() {
    }

    public static void main(String[] args) throws IOException {
        RunPlan plan = new ObjectMapper().readValue(Path.of(args[0]).toFile(), RunPlan.class);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(plan.channel()));
        PrintStream events = new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
        events.println(ReportChannel.HELLO + "\t" + token);
        // Made while the grader may still be waiting for the learner's code (a recheck starts this JVM ahead).
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        if (channel.read(ByteBuffer.allocate(1)) != 1) {
            Runtime.getRuntime().halt(2); // the grader did not take this JVM's reports: nothing to run for
        }
        run(plan, launcher, events);
        events.println("DONE");
        // Neither the learner's shutdown hooks nor the threads it leaked may hold this JVM or write after the end.
        Runtime.getRuntime().halt(0);
    }

    private static void run(RunPlan plan, Launcher launcher, PrintStream events) throws IOException {
        Thread thread = Thread.currentThread();
        URL[] classpath = plan.classpath().stream().map(entry -> {
            try {
                return Path.of(entry).toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(entry, e);
            }
        }).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(classpath, CheckRunner.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(plan.checks().stream().map(s -> selectMethod(loader, s.className(), s.method())).toList())
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.timeout.default", plan.testLimit())
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build();
            TestPlan checks = launcher.discover(request);
            launcher.execute(checks, new EventWriter(plan.exercise(), checks, events));
        }
    }

    /**
     * Sends START and END lines: {@code START<TAB>exercise<TAB>id} and
     * {@code END<TAB>exercise<TAB>id<TAB>PASS|FAIL<TAB>base64(message)<TAB>base64(hint)<TAB>millis<TAB>timeline},
     * message and hint each capped at {@link TextCap#MESSAGE}; the hint is the one {@link FailureText#hint} chooses,
     * the timeline the calls of the last one its message drew ({@link TimelineField}).
     */
    static final class EventWriter implements TestExecutionListener {
        /** Far more than any correct exercise keeps alive between checks. */
        private static final int MAX_LIVE_THREADS = 200;
        private final String exercise;
        private final TestPlan plan;
        private final PrintStream events;
        private final Set<String> ended = new HashSet<>();
        private final Map<String, Long> startedAt = new HashMap<>();

        EventWriter(String exercise, TestPlan plan, PrintStream events) {
            this.exercise = exercise;
            this.plan = plan;
            this.events = events;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                startedAt.put(id(test), System.nanoTime());
                Timelines.take(); // what an earlier check drew is not this one's
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
                String hint = result.getThrowable().map(failure -> FailureText.hint(failure, hintOf(test))).orElse("");
                boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                end(test, passed, message, hint, passed ? List.of() : bars(Timelines.takeFor(message)));
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
            tests.forEach(t -> end(t, false, message, hintOf(t), List.of()));
        }

        /** The calls of a drawn timeline, in milliseconds from its first event; one still in flight to the axis's end. */
        static List<CallBar> bars(Timelines.Drawn drawn) {
            List<CallEvent> events = drawn.events();
            if (events.isEmpty()) {
                return List.of();
            }
            long origin = events.get(0).nanos();
            long axisEnd = drawn.end();
            return CallSpan.of(events).stream().map(call -> new CallBar(call.start().key(), call.start().thread(),
                    millis(call.start().nanos() - origin), millis(call.ending().map(CallEvent::nanos).orElse(axisEnd) - origin),
                    call.ending().map(end -> end.kind().name().toLowerCase(Locale.ROOT)).orElse(CallBar.IN_FLIGHT))).toList();
        }

        private static long millis(long nanos) {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        private void end(TestIdentifier test, boolean passed, String message, String hint, List<CallBar> timeline) {
            String id = id(test);
            if (ended.add(id)) {
                Long started = startedAt.get(id);
                long millis = started == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                events.println("END\t" + exercise + "\t" + id + "\t" + (passed ? "PASS" : "FAIL") + "\t"
                        + base64(TextCap.cut(message, TextCap.MESSAGE)) + "\t" + base64(TextCap.cut(hint, TextCap.MESSAGE))
                        + "\t" + millis + "\t" + TimelineField.encode(timeline));
            }
        }

        private static String base64(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The check's own {@link Hint}, empty when it has none. */
        private static String hintOf(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(source -> source.getJavaMethod().getAnnotation(Hint.class)).map(Hint::value).orElse("");
        }

        private static String id(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName() + "()")
                    .orElse(test.getDisplayName());
        }
    }
}
