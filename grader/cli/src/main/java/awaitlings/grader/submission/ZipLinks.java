package awaitlings.grader.submission;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Finds the entries of a zip that are symbolic links. {@link java.util.zip.ZipFile} does not expose an entry's unix
 * mode, which lives in the external attributes of the central directory, so this reads the central directory itself.
 */
final class ZipLinks {

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX_TYPE_MASK = 0170000;
    private static final int UNIX_LINK = 0120000;
    // A central directory this large is an attack, not a course: refuse rather than fill the heap.
    private static final long MAX_CENTRAL_DIRECTORY = 64L << 20;

    private ZipLinks() {
    }

    /**
     * The names of the entries whose unix mode says "symbolic link", decoded with {@code charset} as
     * {@link java.util.zip.ZipFile} decodes them (names flagged as UTF-8 always as UTF-8).
     *
     * @throws ZipException when the file has no readable central directory
     */
    static Set<String> in(Path zip, Charset charset) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int end = findEnd(tail);
            long entries = Short.toUnsignedInt(tail.getShort(end + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long directoryEnd = size - tailLength + end;
            if (end >= 20 && tail.getInt(end - 20) == END64_LOCATOR) {
                ByteBuffer end64 = read(channel, tail.getLong(end - 12), 56);
                if (end64.getInt(0) != END64) {
                    throw new ZipException("bad zip64 end of central directory");
                }
                entries = end64.getLong(32);
                directorySize = end64.getLong(40);
                directoryEnd = tail.getLong(end - 12);
            }
            if (directorySize > MAX_CENTRAL_DIRECTORY || directorySize > directoryEnd) {
                throw new ZipException("central directory too large");
            }
            // Counted back from its end rather than from the recorded offset, so data prepended to the zip
            // (a self-extractor) does not matter: java.util.zip does the same.
            ByteBuffer directory = read(channel, directoryEnd - directorySize, (int) directorySize);
            return links(directory, entries, charset);
        }
    }

    private static Set<String> links(ByteBuffer directory, long entries, Charset charset) throws ZipException {
        Set<String> links = new HashSet<>();
        int at = 0;
        for (long i = 0; i < entries; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != CENTRAL) {
                throw new ZipException("bad central directory entry " + i);
            }
            boolean utf8 = (directory.getShort(at + 8) & 0x0800) != 0;
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int mode = directory.getInt(at + 38) >>> 16;
            if (at + 46 + nameLength > directory.limit()) {
                throw new ZipException("bad central directory entry " + i);
            }
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            if ((mode & UNIX_TYPE_MASK) == UNIX_LINK) {
                links.add(new String(name, utf8 ? java.nio.charset.StandardCharsets.UTF_8 : charset));
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return links;
    }

    private static int findEnd(ByteBuffer tail) throws ZipException {
        for (int at = tail.limit() - 22; at >= 0; at--) {
            if (tail.getInt(at) == END) {
                return at;
            }
        }
        throw new ZipException("no end of central directory: not a zip file");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0 || position + length > channel.size()) {
            throw new ZipException("truncated zip file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("truncated zip file");
            }
        }
        return buffer.flip();
    }
}
