package awaitlings.grader.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a check is written: its test class's source file and the line of its method, which platforms show next to
 * a verdict (GitHub Classroom prints "❌ name - line 42"). Found by reading the sources, so no debug information is
 * needed; a method declared on more than one line of the file (an overload) is placed at its first.
 */
final class TestSources {

    /** A source file relative to the course root, and a line in it from 1 (0 when the method was not found). */
    record Place(String file, int line) {
        static final Place UNKNOWN = new Place("", 0);
    }

    private final Path courseRoot;
    private final List<Path> sourceRoots;
    private final Map<Path, List<String>> read = new HashMap<>();

    TestSources(Path courseRoot, List<Path> sourceRoots) {
        this.courseRoot = courseRoot.toAbsolutePath().normalize();
        this.sourceRoots = sourceRoots;
    }

    /** The place of {@code method} of the class of binary name {@code className} (nested classes are in their outer one's file). */
    Place of(String className, String method) {
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String relative = topLevel.replace('.', '/') + ".java";
        for (Path root : sourceRoots) {
            Path file = root.resolve(relative).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                return new Place(courseRoot.relativize(file).toString().replace('\\', '/'), lineOf(file, method));
            }
        }
        return Place.UNKNOWN;
    }

    private int lineOf(Path file, String method) {
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        List<String> lines = read.computeIfAbsent(file, TestSources::lines);
        for (int i = 0; i < lines.size(); i++) {
            if (declaration.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // the course's own file, compiled a moment ago: unreadable only if it just vanished
        }
    }
}
