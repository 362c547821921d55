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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One exercise of the course as the build left it: its folders, the Java release it is written for, and what Maven
 * compiled in them.
 *
 * @param name     the folder name, e.g. {@code 01-coffee-shop}
 * @param stub     {@code exercises/NN-topic}
 * @param solution {@code solutions/NN-topic}
 * @param release  the Java release it compiles for: its pom's {@code maven.compiler.release}, else the course's
 */
record Exercise(String name, Path stub, Path solution, int release) {

    /** The property that marks an exercise for a newer JDK than the course's; the build and the grader read it too. */
    static final String RELEASE = "maven.compiler.release";

    /** Every exercise folder that has a pom, in course order, whether or not this JDK builds it. */
    static List<Exercise> all(Path root) {
        int courseRelease = courseRelease(root);
        try (Stream<Path> dirs = Files.list(root.resolve("exercises"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .map(dir -> new Exercise(dir.getFileName().toString(), dir, root.resolve("solutions").resolve(dir.getFileName()),
                            release(dir.resolve("pom.xml"), courseRelease)))
                    .sorted(java.util.Comparator.comparing(Exercise::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The exercises the running JDK builds, the ones the checks judge; the others are not in this build (their modules
     * sit in the {@code jdk21} profile). With {@code -Dawaitlings.only=12-event-loop,13-…} only those named.
     */
    static List<Exercise> onThisJdk(Path root) {
        List<String> only = List.of(System.getProperty("awaitlings.only", "").split(",")).stream()
                .map(String::strip).filter(n -> !n.isEmpty()).toList();
        return all(root).stream().filter(Exercise::buildsOnThisJdk).filter(e -> only.isEmpty() || only.contains(e.name())).toList();
    }

    /** The exercises that need a newer JDK than this one, and so were not built. */
    static List<Exercise> needingNewerJdk(Path root) {
        return all(root).stream().filter(e -> !e.buildsOnThisJdk()).toList();
    }

    /** The release its solution's pom compiles for; the build and the grader expect it to be the stub's. */
    int solutionRelease() {
        return release(solution.resolve("pom.xml"), courseRelease(stub.getParent().getParent()));
    }

    private static int courseRelease(Path root) {
        return release(root.resolve("pom.xml"), 0);
    }

    boolean buildsOnThisJdk() {
        return release <= Runtime.version().feature();
    }

    /** The {@value #RELEASE} property of a pom, or {@code inherited} when it sets none. */
    private static int release(Path pom, int inherited) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList properties = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("properties");
            for (int i = 0; i < properties.getLength(); i++) {
                NodeList release = ((org.w3c.dom.Element) properties.item(i)).getElementsByTagName(RELEASE);
                // The project's own properties, not a profile's.
                if (release.getLength() > 0 && properties.item(i).getParentNode().getNodeName().equals("project")) {
                    return Integer.parseInt(release.item(0).getTextContent().strip());
                }
            }
            return inherited;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException | NumberFormatException e) {
            throw new IllegalStateException(pom + ": cannot read its " + RELEASE + ": " + e.getMessage(), e);
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
