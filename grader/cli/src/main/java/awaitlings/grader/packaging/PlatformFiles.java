package awaitlings.grader.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the files that plug the course into a {@link Platform}. */
public final class PlatformFiles {

    private PlatformFiles() {
    }

    /**
     * Writes {@code platform}'s files under {@code out}, creating folders as needed, and returns their paths.
     *
     * @throws IllegalArgumentException when one of them exists already and {@code replace} is not set
     */
    public static List<Path> write(Platform platform, Path out, boolean replace) {
        List<Path> written = new ArrayList<>();
        for (Platform.File file : platform.files()) {
            Path target = out.resolve(file.path());
            if (Files.exists(target) && !replace) {
                throw new IllegalArgumentException(target + " exists already (--force replaces it)");
            }
        }
        for (Platform.File file : platform.files()) {
            Path target = out.resolve(file.path());
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.write(target, template(platform, file));
                if (file.executable()) {
                    target.toFile().setExecutable(true, false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
            }
            written.add(target);
        }
        return written;
    }

    /** The bytes of one of the platform's templates. */
    static byte[] template(Platform platform, Platform.File file) throws IOException {
        String resource = "/awaitlings/grader/packaging/" + platform.folder() + "/" + file.template();
        try (InputStream template = PlatformFiles.class.getResourceAsStream(resource)) {
            if (template == null) {
                throw new IllegalStateException("the grader was built without its template " + resource);
            }
            return template.readAllBytes();
        }
    }
}
