package awaitlings.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One exercise of the course as the build left it: its folders and what Maven compiled in them.
 *
 * @param name     the folder name, e.g. {@code 01-coffee-shop}
 * @param stub     {@code exercises/NN-topic}
 * @param solution {@code solutions/NN-topic}
 */
record Exercise(String name, Path stub, Path solution) {

    /** Every exercise folder that has a pom, in course order. */
    static List<Exercise> all(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("exercises"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .map(dir -> new Exercise(dir.getFileName().toString(), dir, root.resolve("solutions").resolve(dir.getFileName())))
                    .sorted(java.util.Comparator.comparing(Exercise::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path stubClasses() {
        return compiled(stub.resolve("target/classes"));
    }

    Path visibleTestClasses() {
        return compiled(stub.resolve("target/test-classes"));
    }

    Path solutionClasses() {
        return compiled(solution.resolve("target/classes"));
    }

    /** The solution module's tests: the visible ones and the hidden ones, compiled together. */
    Path allTestClasses() {
        return compiled(solution.resolve("target/test-classes"));
    }

    /** Every graded check, visible and hidden, by its name {@code SomeTest.method()}, in name order. */
    Map<String, Method> checks() throws IOException, ClassNotFoundException {
        Map<String, Method> checks = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                allTestClasses().toUri().toURL(), solutionClasses().toUri().toURL()}, Exercise.class.getClassLoader());
             Stream<Path> files = Files.walk(allTestClasses())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = allTestClasses().relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        checks.put(type.getSimpleName() + "." + method.getName() + "()", method);
                    }
                }
            }
        }
        return checks;
    }

    private Path compiled(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " was not compiled: run the course check from the root with ./mvnw -P course verify");
        }
        return dir;
    }

    @Override
    public String toString() {
        return name;
    }
}
