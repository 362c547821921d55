package awaitlings.grader.submission;

import awaitlings.grader.files.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a learner's zip without trusting it: nothing is ever written outside the target folder, no symbolic link
 * is created, and a zip bomb stops at a size cap. Entries that are refused are listed in the notes.
 */
final class SafeUnzip {

    /** Far more than any course clone; a zip that unpacks to more is a bomb, not homework. */
    static final long MAX_TOTAL_BYTES = 200L << 20;
    static final int MAX_ENTRIES = 50_000;

    private SafeUnzip() {
    }

    /**
     * Extracts {@code zip} into {@code target} (created if missing).
     *
     * @return notes about entries that were skipped, each naming the entry and why
     * @throws IOException when the zip cannot be read: not a zip, truncated, or a corrupt entry
     */
    static List<String> extract(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        List<String> notes = new ArrayList<>();
        // Names without the UTF-8 flag are UTF-8 on most tools today, but old Windows zips use code page 437.
        try {
            extract(zip, root, StandardCharsets.UTF_8, notes);
        } catch (ZipException | IllegalArgumentException badNames) {
            if (!Charset.isSupported("IBM437")) {
                throw badNames instanceof ZipException z ? z : new ZipException(badNames.getMessage());
            }
            notes.clear();
            Folders.deleteContents(root);
            extract(zip, root, Charset.forName("IBM437"), notes);
        }
        return notes;
    }

    private static void extract(Path zip, Path root, Charset charset, List<String> notes) throws IOException {
        Set<String> links = ZipLinks.in(zip, charset);
        try (ZipFile file = new ZipFile(zip.toFile(), charset)) {
            long budget = MAX_TOTAL_BYTES;
            int count = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    notes.add("stopped extracting the zip after " + MAX_ENTRIES + " entries");
                    return;
                }
                String refusal = refusal(entry.getName(), links);
                if (refusal != null) {
                    notes.add("skipped zip entry '" + entry.getName() + "': " + refusal);
                    continue;
                }
                Path destination = root.resolve(entry.getName().replace('\\', '/')).normalize();
                if (!destination.startsWith(root)) {
                    notes.add("skipped zip entry '" + entry.getName() + "': it points outside the submission folder");
                    continue;
                }
                try {
                    if (entry.isDirectory()) {
                        Files.createDirectories(destination);
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    long written = copy(file, entry, destination, budget);
                    if (written < 0) {
                        notes.add("stopped extracting the zip: it unpacks to more than " + (MAX_TOTAL_BYTES >> 20) + " MB");
                        return;
                    }
                    budget -= written;
                } catch (FileAlreadyExistsException e) {
                    notes.add("skipped zip entry '" + entry.getName() + "': another entry of the zip already took that path");
                }
            }
        }
    }

    /** Why an entry must not be extracted, or {@code null} when it is safe. */
    private static String refusal(String name, Set<String> links) {
        if (links.contains(name)) {
            return "it is a symbolic link";
        }
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "it is an absolute path";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "it points outside the submission folder";
            }
        }
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            return "its name is not a valid file name here";
        }
        return null;
    }

    /** Copies one entry, at most {@code budget} bytes; -1 (and no file left behind) when it holds more. */
    private static long copy(ZipFile file, ZipEntry entry, Path destination, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = file.getInputStream(entry);
             OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > budget) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (total > budget) {
            Files.delete(destination);
            return -1;
        }
        return total;
    }
}
