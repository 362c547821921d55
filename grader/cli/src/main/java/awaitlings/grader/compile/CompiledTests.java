package awaitlings.grader.compile;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.sandbox.Permissions;
import awaitlings.harness.ExploresInterleavings;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    private final Map<String, Integer> needNewerJdk;
    private final List<Path> libraries;
    private final Set<String> checkClasses;
    private final Set<String> libraryPackages;

    private CompiledTests(Path root, Map<String, CompiledExercise> exercises, Map<String, Integer> needNewerJdk,
                          List<Path> libraries, Set<String> checkClasses, Set<String> libraryPackages) {
        this.root = root;
        this.exercises = exercises;
        this.needNewerJdk = needNewerJdk;
        this.libraries = libraries;
        this.checkClasses = checkClasses;
        this.libraryPackages = libraryPackages;
    }

    /**
     * Compiles the visible (and, with {@code hidden}, the hidden) tests of every exercise into {@code workDir}, each
     * for its exercise's release; an exercise written for a newer Java than this JDK is left out and remembered
     * ({@link #needNewerJdk()}).
     */
    public static CompiledTests compile(Course course, Path workDir, boolean hidden) {
        List<Path> libraries = staged(System.getProperty("java.class.path"), workDir.resolve("lib"));
        String classpath = join(libraries.toArray());
        Map<String, CompiledExercise> exercises = new LinkedHashMap<>();
        Map<String, Integer> needNewerJdk = new LinkedHashMap<>();
        for (String exercise : course.exercises()) {
            int release = course.release(exercise);
            if (release > Runtime.version().feature()) {
                needNewerJdk.put(exercise, release);
                continue;
            }
            Path out = workDir.resolve(exercise);
            Path stub = out.resolve("stub-classes");
            Path visible = out.resolve("test-classes");
            Path hiddenOut = out.resolve("hidden-classes");
            failIfAny(exercise, "stub", Javac.compile(course.exercise(exercise).resolve("src/main/java"), "", stub, release).errors());
            failIfAny(exercise, "visible tests", Javac.compile(course.exercise(exercise).resolve("src/test/java"),
                    join(stub, classpath), visible, release).errors());
            Path hiddenSources = course.solution(exercise).resolve("src/test/java");
            boolean withHidden = hidden && Files.isDirectory(hiddenSources);
            if (withHidden) {
                failIfAny(exercise, "hidden tests", Javac.compile(hiddenSources, join(stub, visible, classpath), hiddenOut, release).errors());
            }
            List<Path> testRoots = withHidden ? List.of(visible, hiddenOut) : List.of(visible);
            TestSources sources = new TestSources(course.root(), List.of(course.exercise(exercise).resolve("src/test/java"), hiddenSources));
            exercises.put(exercise, new CompiledExercise(exercise, release, testRoots,
                    discover(exercise, testRoots, stub, withHidden ? hiddenOut : null, sources)));
        }
        Permissions.shareWithOthers(workDir);
        Set<String> checkClasses = new TreeSet<>();
        exercises.values().forEach(exercise -> exercise.testRoots().forEach(testRoot -> checkClasses.addAll(ClassNames.in(testRoot))));
        Set<String> libraryPackages = new TreeSet<>();
        libraries.forEach(library -> ClassNames.in(library).forEach(name -> libraryPackages.add(ClassNames.packageOf(name))));
        libraryPackages.remove(""); // the unnamed package is everyone's
        return new CompiledTests(workDir, exercises, needNewerJdk, libraries, checkClasses, libraryPackages);
    }

    /**
     * A copy of these tests and libraries in {@code dir} that nothing may write, not even its owner: for a grader
     * without a sandbox, where graded code runs as the grader's own user, so that what one submission does to its
     * copy costs that submission only.
     */
    public CompiledTests privateCopy(Path dir) {
        try {
            Folders.copy(root, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Permissions.readOnlyForAll(dir);
        Map<String, CompiledExercise> copies = new LinkedHashMap<>();
        exercises.forEach((name, exercise) -> copies.put(name, new CompiledExercise(name, exercise.release(),
                exercise.testRoots().stream().map(p -> rebase(p, dir)).toList(), exercise.checks())));
        return new CompiledTests(dir, copies, needNewerJdk, libraries.stream().map(p -> rebase(p, dir)).toList(), checkClasses, libraryPackages);
    }

    private Path rebase(Path path, Path newRoot) {
        return newRoot.resolve(root.relativize(path).toString());
    }

    /**
     * Why a learner's class of this name may not be loaded, or empty when it may: the name of a class of the
     * course's checks, or a class in a package of the libraries the checks use (JUnit, AssertJ, the harness, …).
     * Such a class could stand in for the checks, so the checks' own classes must always win.
     */
    public Optional<String> shadows(String binaryName) {
        if (checkClasses.contains(binaryName)) {
            return Optional.of("a class of the course's checks");
        }
        String pkg = ClassNames.packageOf(binaryName);
        if (libraryPackages.contains(pkg)) {
            return Optional.of("a class in " + pkg + ", a package of the libraries the checks use");
        }
        return Optional.empty();
    }

    /**
     * Copies this grader's class path into {@code lib}, which the graded JVMs (running as users of their own) can
     * read wherever the grader itself was installed.
     */
    private static List<Path> staged(String classpath, Path lib) {
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
        return List.copyOf(copies);
    }

    /** The exercises this JDK can grade, in course order. */
    public List<CompiledExercise> exercises() {
        return List.copyOf(exercises.values());
    }

    /** The exercises written for a newer Java than this JDK, each with the release it needs, in course order. */
    public Map<String, Integer> needNewerJdk() {
        return Collections.unmodifiableMap(needNewerJdk);
    }

    /** The folder everything was compiled into. */
    public Path root() {
        return root;
    }

    /** The class path the tests were compiled with, and that graded JVMs run with: this grader's own. */
    public String classpath() {
        return join(libraries.toArray());
    }

    /** The entries of {@link #classpath()}: what a graded JVM must see of the libraries. */
    public List<Path> libraries() {
        return libraries;
    }

    private static Map<Check, Target> discover(String exercise, List<Path> testRoots, Path stub, Path hiddenRoot, TestSources sources) {
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
                        TestSources.Place place = sources.of(source.getClassName(), source.getMethodName());
                        Check check = new Check(exercise, source.getJavaClass().getSimpleName() + "." + source.getMethodName() + "()",
                                test.getDisplayName(),
                                method.isAnnotationPresent(Points.class) ? method.getAnnotation(Points.class).value() : 1,
                                isHidden,
                                method.isAnnotationPresent(Hint.class) ? method.getAnnotation(Hint.class).value() : "",
                                source.getClassName(), place.file(), place.line());
                        (isHidden ? hidden : visible).put(check, new Target(source.getClassName(), source.getMethodName(),
                                method.isAnnotationPresent(ExploresInterleavings.class)));
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

    public static String join(Object... entries) {
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
     * @param release   the Java release it is written for, which the learner's code is compiled for too
     * @param testRoots the folders of compiled test classes (visible, then hidden)
     * @param checks    every check, visible ones first, each with the test method that runs it
     */
    public record CompiledExercise(String exercise, int release, List<Path> testRoots, Map<Check, Target> checks) {
    }

    /**
     * A test method: what the graded JVM selects to run one check.
     *
     * @param explores whether it explores interleavings ({@link ExploresInterleavings}), and so runs in a JVM that
     *                 loads the explorer's agent
     */
    public record Target(String className, String method, boolean explores) {
    }
}
