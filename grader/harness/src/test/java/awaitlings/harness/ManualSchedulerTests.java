package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ManualScheduler and VirtualClock")
class ManualSchedulerTests {

    private final ManualScheduler timer = new ManualScheduler();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private Runnable record(String what) {
        return () -> ran.add(what + "@" + timer.now().toMillis());
    }

    @Test
    @DisplayName("nothing runs until the clock moves; then tasks run in due order, each at exactly its due time")
    void dueOrder() {
        timer.schedule(record("late"), 300, TimeUnit.MILLISECONDS);
        timer.schedule(record("early"), 100, TimeUnit.MILLISECONDS);
        timer.schedule(record("tie-first"), 200, TimeUnit.MILLISECONDS);
        timer.schedule(record("tie-second"), 200, TimeUnit.MILLISECONDS);
        assertThat(ran).isEmpty();

        timer.advanceTo(Duration.ofMillis(250));
        assertThat(ran).containsExactly("early@100", "tie-first@200", "tie-second@200");
        assertThat(timer.now()).isEqualTo(Duration.ofMillis(250));

        timer.advanceBy(Duration.ofMillis(50));
        assertThat(ran).endsWith("late@300");
    }

    @Test
    @DisplayName("a task scheduled by a task runs in the same advance when it comes due, and execute runs at the current time")
    void tasksScheduleTasks() {
        timer.schedule(() -> timer.schedule(record("second"), 50, TimeUnit.MILLISECONDS), 100, TimeUnit.MILLISECONDS);
        timer.execute(record("now"));
        timer.advanceTo(Duration.ofMillis(200));
        assertThat(ran).containsExactly("now@0", "second@150");
        assertThat(timer.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(50));
    }

    @Test
    @DisplayName("a cancelled task never runs and is no longer pending; the fakes' own tasks are not counted")
    void cancelAndPending() throws Exception {
        ScheduledFuture<?> cancelled = timer.schedule(record("cancelled"), 100, TimeUnit.MILLISECONDS);
        ScheduledFuture<String> kept = timer.schedule(() -> "kept", 200, TimeUnit.MILLISECONDS);
        timer.scheduleQuietly(record("quiet"), Duration.ofMillis(50));
        assertThat(timer.pending()).isEqualTo(2);
        assertThat(kept.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(200);

        assertThat(cancelled.cancel(false)).isTrue();
        assertThat(timer.pending()).isEqualTo(1);
        timer.advanceBy(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("quiet@50");
        assertThat(kept.get()).isEqualTo("kept");
        assertThat(timer.pending()).isZero();
        assertThat(timer.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    @DisplayName("tasks() draws each task from when it was scheduled until it ran, failed or was cancelled; one left behind runs on to now")
    void tasksLog() {
        timer.schedule(record("ran"), 100, TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            throw new IllegalStateException("down");
        }, 200, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> cancelled = timer.schedule(record("cancelled"), 500, TimeUnit.MILLISECONDS);
        timer.schedule(record("left"), 8, TimeUnit.SECONDS);
        timer.scheduleQuietly(record("quiet"), Duration.ofMillis(50));

        timer.advanceTo(Duration.ofMillis(300));
        cancelled.cancel(false);
        timer.advanceTo(Duration.ofMillis(400));

        assertThat(timer.tasks().timelineUntilNow()).isEqualTo("""
                    your run                     0ms            100ms          200ms          300ms
                    at 100 ms  [virtual-timer]   ███████████████
                    at 200 ms  [virtual-timer]   ██████████████████████████████✗
                    at 500 ms  [virtual-timer]   █████████████████████████████████████████████⊘
                    at 8000 ms  [virtual-timer]  ████████████████████████████████████████████████████████████→
                    peak in flight 4 · span 400 ms
                    ✗ failed · ⊘ interrupted or cancelled · → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("periodic tasks repeat at a fixed rate or with a fixed delay, until cancelled")
    void periodic() {
        ScheduledFuture<?> rate = timer.scheduleAtFixedRate(record("rate"), 100, 100, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> delay = timer.scheduleWithFixedDelay(record("delay"), 50, 200, TimeUnit.MILLISECONDS);
        timer.advanceTo(Duration.ofMillis(450));
        rate.cancel(false);
        delay.cancel(false);
        timer.advanceTo(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("delay@50", "rate@100", "rate@200", "delay@250", "rate@300", "rate@400", "delay@450");
        assertThatThrownBy(() -> timer.scheduleAtFixedRate(record("x"), 0, 0, TimeUnit.MILLISECONDS))
                .hasMessage("a periodic task needs a period above zero");
    }

    @Test
    @DisplayName("a task that blocks the timer fails the advance, saying at which virtual time and where it waits")
    void blockedTimer() {
        CompletableFuture<String> never = new CompletableFuture<>();
        timer.schedule(() -> never.join(), 100, TimeUnit.MILLISECONDS);
        try {
            assertThatThrownBy(() -> timer.advanceTo(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expecting every task on the timer to return at once")
                    .hasMessageContaining("the task it ran at 100 ms (virtual time) was still running 3 s later")
                    .hasMessageContaining("\"virtual-timer\" waiting")
                    .hasMessageContaining("LockSupport.park");
        } finally {
            never.complete("released");
        }
    }

    @Test
    @DisplayName("the clock never goes back, and only the test moves it")
    void forwardOnly() {
        timer.advanceTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> timer.advanceTo(Duration.ofMillis(50)))
                .hasMessage("the clock only moves forward, but it is at 100 ms and was asked to go to 50 ms");
        assertThatThrownBy(() -> timer.advanceBy(Duration.ofMillis(-1)))
                .hasMessage("the clock only moves forward, but the step was PT-0.001S");
        CompletableFuture<Throwable> fromTask = new CompletableFuture<>();
        timer.execute(() -> {
            try {
                timer.advanceBy(Duration.ofMillis(1));
                fromTask.complete(null);
            } catch (IllegalStateException refused) {
                fromTask.complete(refused);
            }
        });
        timer.advanceBy(Duration.ZERO);
        assertThat(fromTask.join()).hasMessage("move the clock from the test, not from a task running on the timer");
    }

    @Test
    @DisplayName("after shutdown it refuses new tasks; shutdownNow drops the scheduled ones; nothing waits for real")
    void shutdown() {
        timer.schedule(record("kept"), 100, TimeUnit.MILLISECONDS);
        timer.shutdown();
        assertThat(timer.isShutdown()).isTrue();
        assertThat(timer.isTerminated()).isFalse();
        assertThatThrownBy(() -> timer.execute(record("refused"))).isInstanceOf(RejectedExecutionException.class);
        assertThat(timer.shutdownNow()).hasSize(1);
        assertThat(timer.awaitTermination(1, TimeUnit.DAYS)).isTrue();
        timer.advanceBy(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
    }

    @Test
    @DisplayName("the virtual clock is a java.time.Clock that starts at a fixed instant and moves with the scheduler")
    void clock() {
        VirtualClock clock = timer.clock();
        timer.advanceBy(Duration.ofMillis(1500));
        assertThat(clock.instant()).isEqualTo(VirtualClock.START.plusMillis(1500));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(1500));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        java.time.Clock paris = clock.withZone(java.time.ZoneId.of("Europe/Paris"));
        timer.advanceBy(Duration.ofMillis(500));
        assertThat(paris.instant()).isEqualTo(VirtualClock.START.plusSeconds(2));
        assertThat(paris.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    }
}
