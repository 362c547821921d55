package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.sandbox.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 3: a submission sees only what it needs. In the sandbox the graded JVM's file system is an allowlist:
 * the JDK, the libraries, this exercise's tests, this submission's classes and a private, size-capped {@code /tmp}
 * where nothing runs. The attacks report what they reached through the message of the check that ran them.
 */
@DisplayName("A submission sees only what it needs")
@Timeout(300)
class SeesOnlyItsOwnTests {

    private static final String SECRET = "the-instructor's-secret-4711";

    @TempDir
    Path work;

    @BeforeEach
    void sandboxOnly() {
        assumeTrue(Sandbox.detected().isolated(), "the allowlist file system needs the sandbox (root on Linux, with bubblewrap)");
    }

    @Test
    @DisplayName("other submissions, zips, checkouts, homes, sockets, other exercises' tests and the results are not there")
    void nothingElseIsThere() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE, "04-run-to-completion");
        Path otherCheckout = Files.createDirectories(work.resolve("another-checkout"));
        Files.writeString(otherCheckout.resolve("secret.txt"), SECRET);
        String reads = String.join(", ", quoted(otherCheckout.resolve("secret.txt")), quoted(batch.course().root().resolve("pom.xml")),
                quoted(work.resolve("results-1")), "\"/root\"", "\"/home\"", "\"/etc/passwd\"", "\"/run\"", "\"/var/run\"", "\"/proc/self/mem\"",
                "\"/usr/bin\"", "\"/sys\"");
        batch.attacker("attacker", "import java.nio.file.*; import java.util.*; import java.util.stream.*;", """
                StringBuilder seen = new StringBuilder();
                for (String path : new String[] {%s}) {
                    if (Files.exists(Path.of(path))) seen.append(" visible:").append(path);
                }
                Path classes = Path.of(Attack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path tests = Path.of(Class.forName("awaitlings.coffee.CoffeeShopTest", false, Attack.class.getClassLoader())
                        .getProtectionDomain().getCodeSource().getLocation().toURI());
                // work/<n>/compiled/<exercise>: the submission's folder, all submissions, the batch's scratch folder
                for (Path folder : List.of(classes.getParent().getParent(), classes.getParent().getParent().getParent(),
                        classes.getParent().getParent().getParent().getParent(), tests.getParent().getParent())) {
                    try (Stream<Path> children = Files.list(folder)) {
                        seen.append(" in ").append(folder.getFileName()).append(':')
                                .append(children.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(",")));
                    }
                }
                return seen.toString();
                """.formatted(reads));
        batch.solved("honest");

        Batch.Graded graded = batch.grade();

        String report = graded.messages("attacker");
        assertThat(report).contains("attack ran:").doesNotContain("attack failed").doesNotContain("visible:").doesNotContain(SECRET);
        assertThat(report).as("only its own folder among the submissions, only the tests of its exercise")
                .containsPattern(" in work:\\d+ ")
                .containsPattern(" in tests:01-coffee-shop,lib(\\n|$)")
                .doesNotContain("honest").doesNotContain("zips").doesNotContain("04-run-to-completion");
        assertThat(graded.score("honest")).isEqualTo(graded.result("honest").maxScore());
    }

    @Test
    @DisplayName("/tmp holds at most 64 MB, and nothing written there runs, neither a program nor a native library")
    void tmpIsSmallAndInert() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE);
        batch.attacker("attacker", "import java.nio.file.*;", """
                StringBuilder done = new StringBuilder();
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                for (String tmp : new String[] {"/tmp", "/var/tmp", "/dev/shm"}) {
                    Path copy = Files.copy(java, Path.of(tmp, "java"), StandardCopyOption.REPLACE_EXISTING);
                    copy.toFile().setExecutable(true);
                    try {
                        new ProcessBuilder(copy.toString(), "-version").start().waitFor();
                        done.append(" ran a program from ").append(tmp);
                    } catch (java.io.IOException refused) {
                        done.append(" no program runs from ").append(tmp);
                    }
                    try {
                        System.load(Files.copy(Path.of(System.getProperty("java.home"), "lib", "libzip.so"), Path.of(tmp, "libzip.so"),
                                StandardCopyOption.REPLACE_EXISTING).toString());
                        done.append(" loaded a library from ").append(tmp);
                    } catch (UnsatisfiedLinkError refused) {
                        done.append(" no library loads from ").append(tmp);
                    }
                }
                long written = 0;
                try {
                    byte[] block = new byte[1 << 20];
                    for (int i = 0; i < 200; i++) {
                        Files.write(Path.of("/tmp", "fill-" + i), block);
                        written += block.length;
                    }
                } catch (java.io.IOException full) {
                    done.append(" /tmp full after ").append(written >> 20).append(" MB");
                }
                for (int i = 0; i < 200; i++) {
                    Files.deleteIfExists(Path.of("/tmp", "fill-" + i));
                }
                for (String other : new String[] {"/", "/dev", "/etc"}) {
                    try {
                        Files.writeString(Path.of(other, "mark"), "x");
                        done.append(" wrote to ").append(other);
                    } catch (java.io.IOException refused) {
                        done.append(" read-only ").append(other);
                    }
                }
                return done.toString();
                """);

        String report = batch.grade().messages("attacker");

        assertThat(report).contains("attack ran:").doesNotContain("attack failed")
                .contains(" no program runs from /tmp", " no program runs from /var/tmp", " no program runs from /dev/shm")
                .contains(" no library loads from /tmp", " no library loads from /var/tmp", " no library loads from /dev/shm")
                .containsPattern(" /tmp full after (6[0-4]|5\\d) MB")
                .contains(" read-only /", " read-only /dev", " read-only /etc")
                .doesNotContain("ran a program").doesNotContain("loaded a library").doesNotContain("wrote to");
    }

    @Test
    @DisplayName("no network: neither the host's loopback nor the outside is reachable, but its own loopback is, for 11's server")
    void noNetwork() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE, "11-async-http");
        batch.solved("http-solved");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        server.accept().close();
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "host-loopback-server");
            acceptor.setDaemon(true);
            acceptor.start();
            batch.attacker("attacker", "import java.net.*;", """
                    StringBuilder done = new StringBuilder();
                    for (String host : new String[] {"127.0.0.1", "1.1.1.1", "10.0.0.1"}) {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(host, %d), 1000);
                            done.append(" reached ").append(host);
                        } catch (java.io.IOException refused) {
                            done.append(" unreachable ").append(host);
                        }
                    }
                    try (ServerSocket own = new ServerSocket(0, 5, InetAddress.getByName("localhost"));
                         Socket client = new Socket("localhost", own.getLocalPort())) {
                        done.append(" own loopback works");
                    }
                    return done.toString();
                    """.formatted(server.getLocalPort()));

            Batch.Graded graded = batch.grade();
            String report = graded.messages("attacker");

            assertThat(connections).as("connections the graded code made to the host's loopback").hasValue(0);
            SubmissionResult solved = graded.result("http-solved");
            assertThat(solved.notes()).as("graded in the sandbox").isEmpty();
            assertThat(solved.score()).as("11 fetches from its local server inside the sandbox").isEqualTo(solved.maxScore());
            assertThat(report).contains("attack ran:").doesNotContain("attack failed").doesNotContain("reached")
                    .contains(" unreachable 127.0.0.1", " unreachable 1.1.1.1", " own loopback works");
        }
    }

    private static String quoted(Path path) {
        return "\"" + path + "\"";
    }
}
