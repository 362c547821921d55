package awaitlings.grader.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
     * What one compilation gave.
     *
     * @param errors  javac's error diagnostics, one per line with file and line; empty when it compiled
     * @param sources the source file, relative to the sources folder, that declared each top-level class
     */
    record Result(String errors, Map<String, String> sources) {
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code out}, for the Java {@code release} its
     * exercise is written for. A compiler that fails without saying why still fails: its result has an error that
     * says so.
     */
    static Result compile(Path sources, String classpath, Path out, int release) {
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            return new Result("no Java sources under " + sources.getFileName(), Map.of());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, String> declaredIn = new TreeMap<>();
        try (StandardJavaFileManager fileManager = COMPILER.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classpath, "--release", Integer.toString(release),
                    "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-nowarn");
            JavacTask task = (JavacTask) COMPILER.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            task.addTaskListener(new TaskListener() {
                @Override
                public void finished(TaskEvent event) {
                    if (event.getKind() == TaskEvent.Kind.GENERATE && event.getTypeElement() != null) {
                        declaredIn.put(task.getElements().getBinaryName(event.getTypeElement()).toString(),
                                relative(sources, event.getSourceFile()));
                    }
                }
            });
            boolean ok = task.call();
            String errors = describe(diagnostics, sources);
            if (!ok && errors.isEmpty()) {
                errors = "javac reported a failure without saying what failed";
            }
            return new Result(ok ? "" : errors, declaredIn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics, Path sources) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> String.format("%s:%d: error: %s", relative(sources, d.getSource()), d.getLineNumber(), d.getMessage(Locale.ROOT)))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String relative(Path sources, JavaFileObject file) {
        return file == null ? "?" : sources.relativize(Path.of(file.toUri())).toString().replace('\\', '/');
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
