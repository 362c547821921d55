package awaitlings.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The graded JVM's private report line: it takes only the runner with the token, once, and only so much. */
@DisplayName("ReportChannel")
@Timeout(30)
class ReportChannelTests {

    @Test
    @DisplayName("takes the connection that sends the token, drops the others, then is gone")
    void takesOnlyTheTokenHolder() throws Exception {
        try (ReportChannel channel = ReportChannel.open()) {
            Path socket = channel.socket();
            CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return channel.accept(10_000, () -> true);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SocketChannel forger = connect(socket); SocketChannel runner = connect(socket)) {
                send(forger, ReportChannel.HELLO + "\tnot-the-token\n");
                send(runner, ReportChannel.HELLO + "\t" + channel.token() + "\n");

                assertThat(accepted.get()).isTrue();
                assertThat(runner.read(ByteBuffer.allocate(1))).as("the grader's answer").isEqualTo(1);
                assertThat(forger.read(ByteBuffer.allocate(1))).as("the forger is dropped").isEqualTo(-1);
                send(runner, "START\t01\tA.b()\n");
                assertThat(channel.nextLine()).contains("START\t01\tA.b()");
            }
            assertThat(socket).as("nothing left to connect to").doesNotExist();
            assertThatThrownBy(() -> connect(socket)).isInstanceOf(IOException.class);
        }
    }

    @Test
    @DisplayName("a runner that sends more than any exercise's reports is flooding")
    void flood() throws Exception {
        try (ReportChannel channel = ReportChannel.open()) {
            CompletableFuture.runAsync(() -> {
                try (SocketChannel runner = connect(channel.socket())) {
                    send(runner, ReportChannel.HELLO + "\t" + channel.token() + "\n");
                    runner.read(ByteBuffer.allocate(1));
                    String line = "END\t" + "x".repeat(1000) + "\n";
                    for (long sent = 0; sent <= ReportChannel.MAX_BYTES; sent += line.length()) {
                        send(runner, line);
                    }
                } catch (IOException stopped) {
                    // The grader stopped reading: that is the point.
                }
            });
            assertThat(channel.accept(10_000, () -> true)).isTrue();

            assertThatThrownBy(() -> {
                while (channel.nextLine().isPresent()) {
                    Thread.onSpinWait();
                }
            }).isInstanceOf(ReportChannel.Flood.class).hasMessage("the graded JVM sent more than 2 MB of reports");
        }
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    private static void send(SocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
