package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoopLagProbe")
class LoopLagProbeTests {

    private final ExecutorService loop = Executors.newSingleThreadExecutor(task -> new Thread(task, "sample-loop"));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopLoop() {
        release.countDown();
        loop.shutdownNow();
    }

    @Test
    @DisplayName("a free loop keeps beating, on its own thread, with a small lag")
    void freeLoop() {
        try (LoopLagProbe probe = LoopLagProbe.start("sample loop", loop)) {
            assertThatCode(() -> probe.keptBeatingWhile("nothing happened")).doesNotThrowAnyException();
            assertThat(probe.beats()).isGreaterThanOrEqualTo(1 + LoopLagProbe.BEATS);
            assertThat(probe.loopThread().getName()).isEqualTo("sample-loop");
            assertThat(probe.maxLag()).isLessThan(LoopLagProbe.PATIENCE);
        }
    }

    @Test
    @DisplayName("a loop blocked by a task runs no beat, and the failure shows where its thread waits")
    void blockedLoop() {
        try (LoopLagProbe probe = LoopLagProbe.start("sample loop", loop)) {
            loop.execute(LoopLagProbeTests.this::blockTheLoop);
            assertThatThrownBy(() -> probe.keptBeatingWhile("a task blocked it"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expecting the sample loop to keep running while a task blocked it,")
                    .hasMessageContaining("but it ran 0 of 5 heartbeats in 3 s")
                    .hasMessageContaining("heartbeats  [sample-loop]  │")
                    .hasMessageContaining("\"sample-loop\" waiting")
                    .hasMessageContaining("LockSupport.park");
            release.countDown();
            probe.keptBeatingWhile("the task was released");
            assertThat(probe.maxLag()).isGreaterThan(LoopLagProbe.PATIENCE.dividedBy(2));
        }
    }

    @Test
    @DisplayName("a loop that never runs a beat fails at the start; one shut down ends the beating quietly")
    void neverRunsAndShutDown() throws InterruptedException {
        ExecutorService stuck = Executors.newSingleThreadExecutor(task -> new Thread(task, "stuck-loop"));
        try {
            stuck.execute(this::blockTheLoop);
            assertThatThrownBy(() -> LoopLagProbe.start("stuck loop", stuck))
                    .hasMessageStartingWith("Expecting the stuck loop to run a first heartbeat before the check began,");
        } finally {
            release.countDown();
            stuck.shutdownNow();
        }
        LoopLagProbe probe = LoopLagProbe.start("sample loop", loop);
        loop.shutdownNow();
        assertThat(loop.awaitTermination(3, TimeUnit.SECONDS)).isTrue();
        int beats = probe.beats();
        assertThatCode(() -> Thread.sleep(5 * LoopLagProbe.PERIOD.toMillis())).doesNotThrowAnyException();
        assertThat(probe.beats()).isEqualTo(beats);
        probe.close();
    }

    private void blockTheLoop() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
