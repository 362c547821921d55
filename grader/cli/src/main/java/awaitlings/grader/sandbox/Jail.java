package awaitlings.grader.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What one forked JVM may see besides the JDK: in the sandbox nothing else of the machine is there at all.
 *
 * @param readOnly files and folders shown at their own paths, read-only (the libraries, the tests, the classes)
 * @param writable folders shown at their own paths, writable (the compiler's output); handed back when the JVM ends
 */
public record Jail(List<Path> readOnly, List<Path> writable) {

    public Jail {
        readOnly = List.copyOf(readOnly);
        writable = List.copyOf(writable);
    }

    public static Jail readOnly(List<Path> paths) {
        return new Jail(paths, List.of());
    }
}
