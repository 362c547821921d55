package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IdleProbe")
class IdleProbeTests {

    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    private Thread start(Runnable body) {
        thread = new Thread(body, "watched");
        thread.start();
        return thread;
    }

    @Test
    @DisplayName("a thread parked on a queue is idle")
    void parked() {
        start(() -> {
            try {
                work.take();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatCode(() -> IdleProbe.assertIdle(thread, "the parked thread", "work")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a thread that spins is caught by the CPU it burns")
    void spinning() {
        start(() -> {
            while (running && work.poll() == null) {
                Thread.onSpinWait();
            }
        });
        assertThatThrownBy(() -> IdleProbe.assertIdle(thread, "the spinning thread", "work"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the spinning thread to sleep while it waits for work,")
                .hasMessageContaining("it spins:")
                .hasMessageContaining("\"watched\" runnable");
    }

    @Test
    @DisplayName("a thread that polls every millisecond is caught by how often it wakes")
    void polling() {
        start(() -> {
            try {
                while (running && work.poll(1, TimeUnit.MILLISECONDS) == null) {
                    // nothing yet: look again
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> IdleProbe.assertIdle(thread, "the polling thread", "work"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("it polls:");
    }

    @Test
    @DisplayName("a thread that ends instead of waiting is not idle")
    void ended() throws InterruptedException {
        start(() -> { });
        thread.join();
        assertThatThrownBy(() -> IdleProbe.assertIdle(thread, "the short-lived thread", "work"))
                .hasMessage(String.format("Expecting the short-lived thread to keep waiting for work,%nbut its thread ended."));
    }
}
