package awaitlings.grader.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The line a graded JVM reports through, private to it: a Unix socket that the JVM's runner connects to before any
 * class of the learner's is loaded, proving itself with a token handed over on its standard input. The grader then
 * stops listening and deletes the socket, so nothing the learner's code does later can open the line by name or path.
 * What comes through is read as lines, within a total size: more is a flood.
 */
final class ReportChannel implements AutoCloseable {

    /** The first line the runner sends: this, a tab and the token. */
    static final String HELLO = "HELLO";
    /** Far more than the reports of any exercise, whose messages are capped: a JVM that sends more is flooding. */
    static final long MAX_BYTES = 2L << 20;
    static final int MAX_LINE = 64 * 1024;
    private static final int TOKEN_LINE_MAX = 256;

    private final Path socket;
    private final String token;
    private final ServerSocketChannel server;
    private SocketChannel connection;
    private InputStream in;
    private long read;

    private ReportChannel(Path socket, String token, ServerSocketChannel server) {
        this.socket = socket;
        this.token = token;
        this.server = server;
    }

    /**
     * A new channel with a fresh token, listening in a folder of its own. Socket paths are short by law (about 100
     * bytes), so the folder is a new one in the system's temporary folder, not beside the JVM's other files.
     */
    static ReportChannel open() throws IOException {
        Path dir = Files.createTempDirectory(SOCKETS, "");
        // Others may pass through to the socket (the JVM may run as a user of its own) but not list the folder;
        // the token keeps out whoever finds the name anyway.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path socket = dir.resolve("reports.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new ReportChannel(socket, HexFormat.of().formatHex(secret), server);
    }

    private static final Path SOCKETS = socketRoot();

    private static Path socketRoot() {
        try {
            Path tmp = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
            Path root = Files.createTempDirectory(tmp, "awg");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot make a folder for the graded JVMs' report sockets", e);
        }
    }

    Path socket() {
        return socket;
    }

    /** The secret the runner must send first; the grader hands it over on the JVM's standard input. */
    String token() {
        return token;
    }

    /**
     * Waits for the runner to connect and send the token, while {@code alive} and until {@code timeoutMillis}, then
     * answers it; any other connection is dropped. Afterwards nothing listens and the socket is gone.
     *
     * @return whether the runner connected
     */
    boolean accept(long timeoutMillis, BooleanSupplier alive) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (connection == null && alive.getAsBoolean() && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel candidate = server.accept();
                        if (candidate != null) {
                            candidate.configureBlocking(false);
                            candidate.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(TOKEN_LINE_MAX));
                        }
                    } else if (key.isReadable()) {
                        checkToken(key);
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                if (key.channel() != connection && key.channel() != server) {
                    key.channel().close();
                }
            }
        } finally {
            stopListening();
        }
        if (connection == null) {
            return false;
        }
        connection.configureBlocking(true);
        // The runner waits for this before it loads anything of the learner's.
        connection.write(ByteBuffer.wrap(new byte[] {'\n'}));
        in = new BufferedInputStream(Channels.newInputStream(connection));
        return true;
    }

    private void checkToken(SelectionKey key) throws IOException {
        SocketChannel candidate = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        if (candidate.read(buffer) < 0 || !buffer.hasRemaining()) {
            key.cancel();
            candidate.close();
            return;
        }
        String received = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int newline = received.indexOf('\n');
        if (newline < 0) {
            return;
        }
        key.cancel();
        if (received.substring(0, newline).equals(HELLO + "\t" + token) && newline == received.length() - 1) {
            connection = candidate;
        } else {
            candidate.close();
        }
    }

    /**
     * The next line the runner sent, without its line end; empty at the end of the stream.
     *
     * @throws Flood when the runner sends more than the channel takes
     */
    Optional<String> nextLine() throws IOException {
        byte[] bytes = new byte[MAX_LINE];
        int length = 0;
        for (int b; (b = in.read()) != -1; ) {
            if (++read > MAX_BYTES || length == MAX_LINE) {
                throw new Flood();
            }
            if (b == '\n') {
                return Optional.of(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }
            bytes[length++] = (byte) b;
        }
        return Optional.empty();
    }

    private void stopListening() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(socket.getParent());
    }

    @Override
    public void close() throws IOException {
        stopListening();
        if (connection != null) {
            connection.close();
        }
    }

    /** More came through than any honest runner sends. */
    static final class Flood extends IOException {
        Flood() {
            super("the graded JVM sent more than " + (MAX_BYTES >> 20) + " MB of reports");
        }
    }
}
