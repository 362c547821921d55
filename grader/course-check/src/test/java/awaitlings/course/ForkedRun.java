package awaitlings.course;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import awaitlings.harness.FailureText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the tests found in {@code testRoot} against the classes in {@code classRoots}, in this JVM, with the
 * course's own extensions, and returns each check's outcome by its id, {@code SomeTest.method()}.
 */
final class InProcessRun {

    /** How one check ended, and what the learner would read about it (empty when it passed). */
    record Outcome(TestExecutionResult.Status status, String message) {
    }

    private InProcessRun() {
    }

    static Map<String, Outcome> run(Path testRoot, Path... classRoots) {
        Map<String, Outcome> results = new ConcurrentHashMap<>();
        TestExecutionListener collect = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    results.put(name(test), new Outcome(result.getStatus(), result.getThrowable().map(FailureText::describe).orElse("")));
                }
            }
        };
        List<URL> urls = new ArrayList<>();
        urls.add(url(testRoot));
        for (Path root : classRoots) {
            urls.add(url(root));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), previous)) {
            thread.setContextClassLoader(loader);
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClasspathRoots(Set.of(testRoot)))
                            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                            .build(), collect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return results;
    }

    /** {@code SomeTest.method()}: which check it is, whatever its display name. */
    private static String name(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> (MethodSource) source)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName() + "()")
                .orElse(test.getDisplayName());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
