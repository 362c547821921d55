package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a JDK needs to see to start in an otherwise empty file system: its own folder, the files its links point to
 * outside it (Debian keeps its configuration in {@code /etc/java-17-openjdk}), the dynamic loader and the system
 * library folder beside it, and the links that lead to the loader ({@code /lib64 -> usr/lib64} on a merged-/usr
 * system). Read off this machine once: nothing is guessed from a distribution's name.
 *
 * @param home      the JDK's folder, its real path
 * @param readOnly  everything to show at its own path, read-only: the JDK, its link targets, the library folder
 * @param symlinks  links to recreate, from where each is to what it says
 */
record JdkFiles(Path home, List<Path> readOnly, Map<Path, String> symlinks) {

    private static final int PT_INTERP = 3;

    /** The files of the JDK this grader runs on. */
    static JdkFiles ofThisJvm() {
        try {
            return of(Path.of(System.getProperty("java.home")).toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JdkFiles of(Path home) throws IOException {
        TreeSet<Path> shown = new TreeSet<>();
        shown.add(home);
        try (Stream<Path> all = Files.walk(home)) {
            for (Path link : all.filter(Files::isSymbolicLink).toList()) {
                if (Files.exists(link)) {
                    Path target = link.toRealPath();
                    if (!target.startsWith(home)) {
                        shown.add(target);
                    }
                }
            }
        }
        Map<Path, String> symlinks = new TreeMap<>();
        Path loader = loaderOf(home.resolve("bin/java"));
        if (loader != null) {
            Path real = followLinks(loader, symlinks);
            shown.add(real.getParent());
        }
        return new JdkFiles(home, outermost(shown), symlinks);
    }

    /** The ELF interpreter a binary names (its PT_INTERP), or {@code null} when it names none. */
    static Path loaderOf(Path binary) throws IOException {
        try (FileChannel file = FileChannel.open(binary)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            file.read(header, 0);
            if (header.getInt(0) != 0x464C457F || header.get(4) != 2) {
                return null; // not a 64-bit ELF file
            }
            long table = header.getLong(32);
            int entrySize = Short.toUnsignedInt(header.getShort(54));
            int entries = Short.toUnsignedInt(header.getShort(56));
            for (int i = 0; i < entries; i++) {
                ByteBuffer entry = ByteBuffer.allocate(entrySize).order(ByteOrder.LITTLE_ENDIAN);
                file.read(entry, table + (long) i * entrySize);
                if (entry.getInt(0) == PT_INTERP) {
                    ByteBuffer name = ByteBuffer.allocate((int) entry.getLong(32));
                    file.read(name, entry.getLong(8));
                    String path = new String(name.array(), StandardCharsets.US_ASCII).replace("\0", "");
                    return Path.of(path);
                }
            }
            return null;
        }
    }

    /**
     * Follows {@code path} component by component, recording each link met (where it is, what it says) so the same
     * chain can be rebuilt, and returns the real path it ends at.
     */
    private static Path followLinks(Path path, Map<Path, String> links) throws IOException {
        Path at = path.getRoot();
        for (Path part : path) {
            Path next = at.resolve(part);
            int hops = 0;
            while (Files.isSymbolicLink(next)) {
                if (++hops > 40) {
                    throw new IOException("too many links at " + next);
                }
                Path text = Files.readSymbolicLink(next);
                links.put(next, text.toString());
                next = next.getParent().resolve(text).normalize();
            }
            at = next;
        }
        return at;
    }

    /** The paths, without those inside another of them. */
    private static List<Path> outermost(TreeSet<Path> paths) {
        List<Path> kept = new ArrayList<>();
        for (Path path : paths) {
            if (kept.stream().noneMatch(path::startsWith)) {
                kept.add(path);
            }
        }
        return kept;
    }
}
