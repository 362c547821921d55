package awaitlings.grader.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees either the old content or the new one, never half of it: the content goes to a
 * temporary file in the same folder (so the move is a rename on the same file system), which then replaces the target.
 * A killed run therefore leaves no truncated result behind, only at worst a stray {@code .tmp} file.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, creating its folders; on failure the target is untouched. */
    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            Files.write(temporary, content);
            move(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems cannot rename atomically; replacing is the best they offer.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary, IOException cause) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
