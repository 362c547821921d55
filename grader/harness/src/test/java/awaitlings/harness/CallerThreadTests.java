package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallerThread")
class CallerThreadTests {

    @Test
    @DisplayName("gives what the call returned, on a thread named for it")
    void result() {
        assertThat(CallerThread.start("name()", () -> Thread.currentThread().getName()).result(() -> "stuck"))
                .isEqualTo("caller of name()");
    }

    @Test
    @DisplayName("rethrows what the call threw as it is, a checked exception inside an AssertionError")
    void rethrows() {
        assertThatThrownBy(() -> CallerThread.start("x", () -> {
            throw new IllegalStateException("down");
        }).result(() -> "stuck")).isExactlyInstanceOf(IllegalStateException.class).hasMessage("down");
        assertThatThrownBy(() -> CallerThread.start("x", () -> {
            throw new StackOverflowError("deep");
        }).result(() -> "stuck")).isExactlyInstanceOf(StackOverflowError.class);
        assertThatThrownBy(() -> CallerThread.start("x", () -> {
            throw new IOException("io");
        }).result(() -> "stuck")).isInstanceOf(AssertionError.class).hasMessage("threw java.io.IOException: io");
    }

    @Test
    @DisplayName("a call still running after the patience fails with the message given; an interrupt reaches the caller")
    void stuckAndInterrupted() {
        CountDownLatch never = new CountDownLatch(1);
        CallerThread<Boolean> caller = CallerThread.start("await()", () -> {
            never.await();
            return true;
        });
        assertThatThrownBy(() -> caller.result(() -> "still waiting")).isInstanceOf(AssertionError.class).hasMessage("still waiting");
        caller.interrupt();
        assertThatThrownBy(() -> caller.result(() -> "still waiting")).isInstanceOf(AssertionError.class)
                .hasMessage("threw java.lang.InterruptedException");
        CallerThread<Boolean> keeps = CallerThread.start("keeps()", () -> {
            Thread.currentThread().interrupt();
            return true;
        });
        assertThat(keeps.result(() -> "stuck")).isTrue();
        assertThat(keeps.endedInterrupted()).isTrue();
    }
}
