package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallbackLog")
class CallbackLogTests {

    @Test
    @DisplayName("notes each callback's name, thread and time in the order they ran, and draws them on the threads' rows")
    void notesWhatRanWhereAndWhen() throws InterruptedException {
        AtomicReference<Duration> now = new AtomicReference<>(Duration.ZERO);
        CallbackLog ran = new CallbackLog(now::get);
        Thread loop = new Thread(ran.record("a"), "the loop");
        loop.start();
        loop.join();
        now.set(Duration.ofMillis(100));
        Thread timer = new Thread(ran.record("b"), "the timer");
        timer.start();
        timer.join();

        assertThat(ran.names()).containsExactly("a", "b");
        assertThat(ran.runs()).extracting(CallbackLog.Run::thread).containsExactly(loop, timer);
        assertThat(ran.runs()).extracting(CallbackLog.Run::at).containsExactly(Duration.ZERO, Duration.ofMillis(100));
        assertThat(ran.timeline(loop)).isEqualTo("""
                    your run               0ms                        50ms                        100ms
                    loop  [the loop]       │
                    not loop  [the timer]                                                         │
                    ran in order: a, b · 1 not on the loop's thread
                    │ a callback ran
                """.stripTrailing());
        assertThat(ran.timeline()).startsWith("    your run").contains("ran  [the loop]", "ran  [the timer]");
    }
}
