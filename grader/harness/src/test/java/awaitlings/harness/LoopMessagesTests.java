package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the loop probes' messages. */
@DisplayName("LoopMessages")
class LoopMessagesTests {

    private static final String WHERE = "    \"caller of runUntilComplete()\" runnable\n        at Loop.run(Loop.java:12)";

    @Test
    @DisplayName("a spinning thread: what it used, what it means, what to wait on, and where it was")
    void spins() {
        assertThat(LoopMessages.shouldStayIdle("the loop", "a timer due in 1 hour", Duration.ofMillis(500),
                Duration.ofMillis(480), 0, WHERE)).isEqualTo("""
                Expecting the loop to sleep while it waits for a timer due in 1 hour,
                but in 500 ms with nothing to do its thread used 480 ms of CPU and woke up 0 times: it spins: it keeps\
                 checking for work instead of waiting for it.
                Wait on something that wakes you when work arrives: take() on a BlockingQueue, or await() on a\
                 Condition, with no time limit (or only one up to the next timer).
                Its thread was here:
                    "caller of runUntilComplete()" runnable
                        at Loop.run(Loop.java:12)""");
    }

    @Test
    @DisplayName("a polling thread is told apart from a spinning one")
    void polls() {
        assertThat(LoopMessages.shouldStayIdle("the loop", "work", Duration.ofMillis(500), Duration.ofMillis(15), 423, WHERE))
                .contains("used 15 ms of CPU and woke up 423 times: it polls: it wakes up again and again to look for work.");
    }

    @Test
    @DisplayName("a thread that ended instead of waiting")
    void ended() {
        assertThat(LoopMessages.shouldKeepWaiting("the loop", "its next timer")).isEqualTo("""
                Expecting the loop to keep waiting for its next timer,
                but its thread ended.""");
    }

    @Test
    @DisplayName("a stopped heartbeat: beats run, for how long the loop has been stuck, its timeline, and where its thread is")
    void stoppedHeartbeat() {
        assertThat(LoopMessages.shouldKeepBeating("server loop", "the report q3 was loading", 0, 5, Duration.ofSeconds(3),
                Duration.ofMillis(3004), "    (the chart)",
                "    \"server-loop\" timed_waiting\n        at ReportHandler.handle(ReportHandler.java:30)"))
                .isEqualTo("""
                        Expecting the server loop to keep running while the report q3 was loading,
                        but it ran 0 of 5 heartbeats in 3 s, and the beat it was handed 3004 ms ago still waits:\
                         something on its thread blocks it.
                        A blocked loop runs nothing else: no other request, no timer, no reply. Hand blocking work to\
                         the workers and compose the rest onto its future.
                        Timeline:
                            (the chart)
                        The server loop's thread was here:
                            "server-loop" timed_waiting
                                at ReportHandler.handle(ReportHandler.java:30)""");
    }

    @Test
    @DisplayName("a loop that never ran a first beat")
    void neverStarted() {
        assertThat(LoopMessages.shouldStartBeating("server loop", Duration.ofSeconds(3))).isEqualTo("""
                Expecting the server loop to run a first heartbeat before the check began,
                but it ran none in 3 s: its thread is busy or stuck before any request came.""");
    }
}
