package awaitlings.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The binary names of the classes in a class folder or a jar, e.g. {@code awaitlings.coffee.CoffeeShopTest$1}. */
final class ClassNames {

    private ClassNames() {
    }

    static List<String> in(Path root) {
        try {
            return Files.isDirectory(root) ? inFolder(root) : inJar(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code a.b} of {@code a.b.C}; empty for the unnamed package. */
    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    private static List<String> inFolder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f))
                    .map(f -> name(root.relativize(f).toString().replace('\\', '/'))).toList();
        }
    }

    private static List<String> inJar(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                // Classes of other Java versions and module descriptors are not classes a learner could shadow.
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class")) {
                    names.add(name(entry));
                }
            }
        }
        return names;
    }

    private static String name(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
