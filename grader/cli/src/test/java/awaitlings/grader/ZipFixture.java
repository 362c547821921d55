package awaitlings.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes zips byte by byte, stored (not compressed), so a test can put in what no honest tool would: names with
 * {@code ..}, absolute names, and symbolic-link entries. {@link java.util.zip.ZipOutputStream} cannot set an entry's
 * unix mode, which is where a zip says "this is a link": the upper 16 bits of the central directory's external
 * attributes, with "made by" Unix, exactly as Info-ZIP's {@code zip -y} writes them.
 */
final class ZipFixture {

    static final int FILE = 0100644;
    static final int LINK = 0120777;
    static final int FOLDER = 040755;

    private record Entry(String name, byte[] data, int mode) {
    }

    private final List<Entry> entries = new ArrayList<>();

    static ZipFixture zip() {
        return new ZipFixture();
    }

    ZipFixture file(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), FILE));
        return this;
    }

    /** A symbolic link entry: as in a real zip, its data is the path it points to. */
    ZipFixture link(String name, String target) {
        entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), LINK));
        return this;
    }

    ZipFixture folder(String name) {
        entries.add(new Entry(name.endsWith("/") ? name : name + "/", new byte[0], FOLDER));
        return this;
    }

    /** Every regular file of {@code root}, under {@code prefix}. */
    ZipFixture tree(Path root, String prefix) {
        CourseFixture.filesIn(root).forEach(relative -> {
            try {
                file(prefix + relative, Files.readString(root.resolve(relative)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }

    Path writeTo(Path zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(entry.data());
            int offset = out.size();
            out.writeBytes(header(30 + name.length)
                    .putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(entry.data().length).putInt(entry.data().length)
                    .putShort((short) name.length).putShort((short) 0).put(name).array());
            out.writeBytes(entry.data());
            central.writeBytes(header(46 + name.length)
                    .putInt(0x02014b50).putShort((short) (3 << 8 | 20)).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(entry.data().length).putInt(entry.data().length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(entry.mode() << 16).putInt(offset)
                    .put(name).array());
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(header(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size())
                .putInt(central.size()).putInt(centralOffset).putShort((short) 0).array());
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            return Files.write(zip, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer header(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
