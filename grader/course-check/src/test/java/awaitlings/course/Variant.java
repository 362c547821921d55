package awaitlings.course;

import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Another learner's answer to an exercise, kept to prove the checks judge it right: a wrong one that each check it
 * breaks catches, or a correct one in another style than the reference that keeps every point. It lives in
 * {@code solutions/NN-topic/variants/<name>/}: {@code changes.diff}, a unified diff against the reference solution
 * (paths {@code a/…} and {@code b/…} as under {@code src/main/java}, as {@code diff -ru} or {@code git diff --no-index}
 * write it), so that the variant shows its mistake and nothing else; any Java file of its own that the reference
 * lacks, whole; and {@code expected.txt}:
 *
 * <pre>
 * # What this answer does (one or more lines starting with #).
 * CoffeeShopTest.orderAllBrewsAtOnce(): ran one after another
 * </pre>
 *
 * Each other line names a check that must fail, with a text its message must contain (after {@code ": "}, optional).
 * A line that starts with {@code "~ "} names a check that judges by chance whether this wrong answer breaks it (many
 * threads at once, and no explorer) and so may fail or pass, with why after {@code ": "}. Every check not named must
 * pass; a variant that names none is a correct answer.
 *
 * @param exercise the exercise it answers
 * @param name     its folder name, which says what it does, e.g. {@code joins-each-buzzer-at-once}
 * @param folder   {@code solutions/NN-topic/variants/<name>}
 */
record Variant(Exercise exercise, String name, Path folder) {

    static final String EXPECTED = "expected.txt";
    static final String CHANGES = "changes.diff";
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /** Every variant of every exercise, in course order, then by name. */
    static List<Variant> all(Path root) {
        List<Variant> variants = new ArrayList<>();
        for (Exercise exercise : Exercise.onThisJdk(root)) {
            Path dir = exercise.solution().resolve("variants");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> folders = Files.list(dir)) {
                    folders.filter(Files::isDirectory).sorted()
                            .forEach(folder -> variants.add(new Variant(exercise, folder.getFileName().toString(), folder)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return variants;
    }

    /** The checks this variant must fail, each with a text its message must contain (possibly empty), in file order. */
    Map<String, String> failing() throws IOException {
        return checks(false);
    }

    /** The checks that may fail or pass on this variant, each with why. */
    Map<String, String> byChance() throws IOException {
        return checks(true);
    }

    private Map<String, String> checks(boolean byChance) throws IOException {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder.resolve(EXPECTED), StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#") || entry.startsWith("~ ") != byChance) {
                continue;
            }
            entry = byChance ? entry.substring(2).strip() : entry;
            int colon = entry.indexOf("(): ");
            String check = colon < 0 ? entry : entry.substring(0, colon + 2);
            checks.put(check, colon < 0 ? "" : entry.substring(colon + 4).strip());
        }
        return checks;
    }

    /**
     * The reference solution with this variant's files laid over it, compiled into {@code out}.
     *
     * @throws AssertionError with javac's errors when it does not compile: a variant is meant to run
     */
    Path compile(Path out) throws IOException {
        Path sources = Files.createDirectories(out.resolve("src"));
        Path classes = Files.createDirectories(out.resolve("classes"));
        copyJava(exercise.solution().resolve("src/main/java"), sources);
        copyJava(folder, sources);
        if (Files.exists(folder.resolve(CHANGES))) {
            applyChanges(sources);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean compiled = JAVAC.getTask(null, manager, diagnostics,
                    List.of("-d", classes.toString(), "--release", String.valueOf(exercise.release()), "-proc:none", "-nowarn"), null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                StringBuilder errors = new StringBuilder();
                diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .forEach(d -> errors.append(System.lineSeparator()).append(d.getSource() == null ? "?" : d.getSource().getName())
                                .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)));
                throw new AssertionError(this + " does not compile:" + errors);
            }
        }
        return classes;
    }

    /** Applies {@code changes.diff} to the reference's sources in {@code sources}. */
    private void applyChanges(Path sources) throws IOException {
        try (InputStream diff = Files.newInputStream(folder.resolve(CHANGES))) {
            for (UnifiedDiffFile file : UnifiedDiffReader.parseUnifiedDiff(diff).getFiles()) {
                Path target = sources.resolve(file.getToFile().replaceFirst("^b/", ""));
                try {
                    Files.write(target, file.getPatch().applyTo(Files.readAllLines(target)));
                } catch (PatchFailedException | NoSuchFileException e) {
                    throw new AssertionError(this + ": " + CHANGES + " does not apply to the reference solution's "
                            + file.getToFile() + " any more (" + e.getMessage() + "): make it again from the variant", e);
                }
            }
        }
    }

    private static void copyJava(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public String toString() {
        return exercise.name() + "/variants/" + name;
    }
}
