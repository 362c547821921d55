package awaitlings.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where the agent of the explorer of interleavings is: the library whose manifest names byte-buddy's installer as
 * its premain class. That is byte-buddy-agent's own jar when the grader runs from a class path, and the grader's jar
 * when it runs from that, whose manifest names it too.
 */
final class ExplorerAgent {

    static final String PREMAIN = "net.bytebuddy.agent.Installer";

    private ExplorerAgent() {
    }

    /** The first of {@code libraries} that is the agent. */
    static Path in(List<Path> libraries) {
        return libraries.stream().filter(ExplorerAgent::isAgent).findFirst().orElseThrow(() -> new IllegalStateException(
                "no library of the grader is the explorer's agent (a jar whose Premain-Class is " + PREMAIN + ")"));
    }

    private static boolean isAgent(Path library) {
        if (!Files.isRegularFile(library)) {
            return false;
        }
        try (JarFile jar = new JarFile(library.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest != null && PREMAIN.equals(manifest.getMainAttributes().getValue("Premain-Class"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + library, e);
        }
    }
}
