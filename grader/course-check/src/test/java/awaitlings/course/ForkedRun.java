package awaitlings.course;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import awaitlings.harness.FailureText;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the tests found in {@code testRoot} against the classes in {@code classRoots} in a JVM of their own, with the
 * course's own extensions and this JVM's flags, and returns each check's outcome by its id, {@code SomeTest.method()}.
 * A JVM of their own, as under Maven and in the grader: the explorer of interleavings knows a class by its name
 * alone, so two answers' {@code LazyTask} explored in one JVM would be explored as the first one.
 */
final class ForkedRun {

    /** What the forked JVM's third argument is to run every check of the test root. */
    private static final String EVERY_CHECK = "*";

    /** Far more than the slowest exercise's checks take on a loaded machine. */
    private static final long PATIENCE_MINUTES = 10;

    /** How one check ended, and what the learner would read about it (empty when it passed). */
    record Outcome(TestExecutionResult.Status status, String message) {
    }

    private ForkedRun() {
    }

    static Map<String, Outcome> run(Path testRoot, Path... classRoots) {
        Map<String, Outcome> outcomes = new HashMap<>();
        fork(testRoot, EVERY_CHECK, 1, classRoots).forEach(line -> outcomes.put(line.check(), line.outcome()));
        return outcomes;
    }

    /** The outcomes of the check {@code method} of {@code testClass} (a binary name), run {@code times} in one JVM. */
    static List<Outcome> repeat(Path testRoot, String testClass, String method, int times, Path... classRoots) {
        return fork(testRoot, testClass + "#" + method, times, classRoots).stream().map(Line::outcome).toList();
    }

    /** One line of the forked JVM's results: a check's outcome in one run. */
    private record Line(String check, Outcome outcome) {
    }

    private static List<Line> fork(Path testRoot, String checks, int times, Path... classRoots) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("course-run");
            Path results = dir.resolve("results.tsv");
            Path output = dir.resolve("output.txt");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(inheritedFlags());
            List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path"), testRoot.toString()));
            Stream.of(classRoots).map(Path::toString).forEach(classpath::add);
            command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), ForkedRun.class.getName(),
                    testRoot.toString(), results.toString(), checks, String.valueOf(times)));
            Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!jvm.waitFor(PATIENCE_MINUTES * times, TimeUnit.MINUTES)) {
                jvm.destroyForcibly().waitFor();
                throw new AssertionError("the checks of " + testRoot + " were still running after " + PATIENCE_MINUTES * times + " minutes");
            }
            if (jvm.exitValue() != 0 || !Files.exists(results)) {
                throw new AssertionError("the JVM running the checks of " + testRoot + " ended with " + jvm.exitValue() + ":"
                        + System.lineSeparator() + Files.readString(output));
            }
            return read(results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the checks ran", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException leftInTmp) {
            // A few kilobytes left in the temporary folder cost nothing; the outcome is what matters.
        }
    }

    /** The flags this JVM was started with that the checks need too: the explorer's agent, its memory access, the JIT's. */
    private static List<String> inheritedFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-javaagent:") || flag.startsWith("-Xshare") || flag.startsWith("--sun-misc-unsafe")
                        || flag.startsWith("-XX:TieredStopAtLevel") || flag.startsWith("-XX:+UseSerialGC"))
                .toList();
    }

    private static List<Line> read(Path results) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] part = line.split("\t", -1);
            lines.add(new Line(part[0], new Outcome(TestExecutionResult.Status.valueOf(part[1]),
                    new String(Base64.getDecoder().decode(part[2]), StandardCharsets.UTF_8))));
        }
        return lines;
    }

    /**
     * In the forked JVM: runs the tests in {@code args[0]} ({@link #EVERY_CHECK} in {@code args[2]}) or the one check
     * {@code args[2]} names ({@code Class#method}), {@code args[3]} times, and writes each outcome as a line into
     * {@code args[1]}, in the order they ended.
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        TestExecutionListener collect = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    String message = result.getThrowable().map(FailureText::describe).orElse("");
                    lines.add(name(test) + "\t" + result.getStatus() + "\t"
                            + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
                }
            }
        };
        DiscoverySelector checks = args[2].equals(EVERY_CHECK) ? selectClasspathRoots(Set.of(Path.of(args[0]))).get(0)
                : selectMethod(args[2]);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        for (int run = 0; run < Integer.parseInt(args[3]); run++) {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(checks)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .build(), collect);
        }
        Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
        // The stubs' jobs stay stuck on a closed loop by design: their threads must not hold this JVM.
        Runtime.getRuntime().halt(0);
    }

    /** {@code SomeTest.method()}: which check it is, whatever its display name. */
    private static String name(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> (MethodSource) source)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName() + "()")
                .orElse(test.getDisplayName());
    }
}
