package awaitlings.grader.compile;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import awaitlings.grader.files.Folders;
import awaitlings.grader.files.Permissions;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The course's tests, compiled once per batch against the course's own stubs (stub and solution share one public
 * API, which the course check enforces), and the checks they contain. Every submission then runs these same
 * classes against its own compiled code: tests always come from the course.
 */
public final class CompiledTests {

    private final Path root;
    private final Map<String, CompiledExercise> exercises;
    private final String classpath;

    private CompiledTests(Path root, Map<String, CompiledExercise> exercises, String classpath) {
        this.root = root;
        this.exercises = exercises;
        this.classpath = classpath;
    }

    /** Compiles the visible (and, with {@code hidden}, the hidden) tests of every exercise into {@code workDir}. */
    public static CompiledTests compile(Course course, Path workDir, boolean hidden) {
        String classpath = staged(System.getProperty("java.class.path"), workDir.resolve("lib"));
        Map<String, CompiledExercise> exercises = new LinkedHashMap<>();
        for (String exercise : course.exercises()) {
            Path out = workDir.resolve(exercise);
            Path stub = out.resolve("stub-classes");
            Path visible = out.resolve("test-classes");
            Path hiddenOut = out.resolve("hidden-classes");
            failIfAny(exercise, "stub", Javac.compile(course.exercise(exercise).resolve("src/main/java"), "", stub));
            failIfAny(exercise, "visible tests", Javac.compile(course.exercise(exercise).resolve("src/test/java"),
                    join(stub, classpath), visible));
            Path hiddenSources = course.solution(exercise).resolve("src/test/java");
            boolean withHidden = hidden && Files.isDirectory(hiddenSources);
            if (withHidden) {
                failIfAny(exercise, "hidden tests", Javac.compile(hiddenSources, join(stub, visible, classpath), hiddenOut));
            }
            List<Path> testRoots = withHidden ? List.of(visible, hiddenOut) : List.of(visible);
            exercises.put(exercise, new CompiledExercise(exercise, testRoots, discover(exercise, testRoots, stub, withHidden ? hiddenOut : null)));
        }
        Permissions.shareWithOthers(workDir);
        return new CompiledTests(workDir, exercises, classpath);
    }

    /**
     * Copies this grader's class path into {@code lib}, which the graded JVMs (running as users of their own) can
     * read wherever the grader itself was installed.
     */
    private static String staged(String classpath, Path lib) {
        List<Path> copies = new ArrayList<>();
        try {
            Files.createDirectories(lib);
            String[] entries = classpath.split(File.pathSeparator);
            for (int i = 0; i < entries.length; i++) {
                Path entry = Path.of(entries[i]);
                if (Files.exists(entry)) {
                    Path copy = lib.resolve(i + "-" + entry.getFileName());
                    Folders.copy(entry, copy);
                    copies.add(copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return join(copies.toArray());
    }

    /** The exercises, in course order. */
    public List<CompiledExercise> exercises() {
        return List.copyOf(exercises.values());
    }

    /** The folder everything was compiled into. */
    public Path root() {
        return root;
    }

    /** The class path the tests were compiled with, and that graded JVMs run with: this grader's own. */
    public String classpath() {
        return classpath;
    }

    private static Map<Check, Target> discover(String exercise, List<Path> testRoots, Path stub, Path hiddenRoot) {
        List<Path> roots = new ArrayList<>(testRoots);
        roots.add(stub);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls(roots), CompiledTests.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            TestPlan plan = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .discover(LauncherDiscoveryRequestBuilder.request().selectors(selectClasspathRoots(Set.copyOf(testRoots))).build());
            Map<Check, Target> visible = new LinkedHashMap<>();
            Map<Check, Target> hidden = new LinkedHashMap<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier test : plan.getDescendants(root)) {
                    if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
                        boolean isHidden = hiddenRoot != null && Files.exists(hiddenRoot.resolve(source.getClassName().replace('.', '/') + ".class"));
                        Method method = source.getJavaMethod();
                        Check check = new Check(exercise, source.getJavaClass().getSimpleName() + "." + source.getMethodName() + "()",
                                test.getDisplayName(),
                                method.isAnnotationPresent(Points.class) ? method.getAnnotation(Points.class).value() : 1,
                                isHidden,
                                method.isAnnotationPresent(Hint.class) ? method.getAnnotation(Hint.class).value() : "");
                        (isHidden ? hidden : visible).put(check, new Target(source.getClassName(), source.getMethodName()));
                    }
                }
            }
            visible.putAll(hidden);
            return visible;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void failIfAny(String exercise, String what, String errors) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the course's own " + what + " of " + exercise + " do not compile:"
                    + System.lineSeparator() + errors);
        }
    }

    static String join(Object... entries) {
        StringBuilder out = new StringBuilder();
        for (Object entry : entries) {
            String text = entry.toString();
            if (!text.isEmpty()) {
                out.append(out.length() == 0 ? "" : File.pathSeparator).append(text);
            }
        }
        return out.toString();
    }

    public static URL[] urls(List<Path> paths) {
        return paths.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }).toArray(URL[]::new);
    }

    /**
     * One exercise's compiled tests.
     *
     * @param exercise  the exercise folder name
     * @param testRoots the folders of compiled test classes (visible, then hidden)
     * @param checks    every check, visible ones first, each with the test method that runs it
     */
    public record CompiledExercise(String exercise, List<Path> testRoots, Map<Check, Target> checks) {
    }

    /** A test method: what the graded JVM selects to run one check. */
    public record Target(String className, String method) {
    }
}
