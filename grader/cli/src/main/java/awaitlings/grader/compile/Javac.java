package awaitlings.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** The JDK's compiler, in this JVM: far cheaper than a javac process per exercise. */
final class Javac {

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private Javac() {
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code out}.
     *
     * @return javac's error diagnostics, one per line with file and line; empty when it compiled
     */
    static String compile(Path sources, String classpath, Path out) {
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            return "no Java sources under " + sources.getFileName();
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = COMPILER.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classpath, "--release", "17",
                    "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-nowarn");
            boolean ok = COMPILER.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            return ok ? "" : describe(diagnostics, sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics, Path sources) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> String.format("%s:%d: error: %s",
                        d.getSource() == null ? "?" : sources.relativize(Path.of(d.getSource().toUri())),
                        d.getLineNumber(), d.getMessage(Locale.ROOT)))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
