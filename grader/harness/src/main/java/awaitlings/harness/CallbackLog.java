package awaitlings.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What a loop ran: each callback's name, the thread that ran it and the time then, in the order they ran. Its
 * timeline draws every callback as a tick on the row of the thread that ran it, the loop's row first, so that a
 * learner sees what ran where, when and in which order. Thread-safe: callbacks note themselves from any thread.
 *
 * <pre>{@code
 * CallbackLog ran = new CallbackLog(timer::now);
 * loop.callLater(Duration.ofMillis(100), ran.record("a"));
 * ...
 * assertThat(ran.names()).withFailMessage("...%nTimeline:%n%s", ran.timeline(loopThread)).containsExactly("a");
 * }</pre>
 */
public final class CallbackLog {

    /** One callback that ran: its name, its thread, and the time then. */
    public record Run(String name, Thread thread, Duration at) {
    }

    private final Supplier<Duration> clock;
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    /** @param clock the time a callback is noted at, e.g. {@link ManualScheduler#now()} */
    public CallbackLog(Supplier<Duration> clock) {
        this.clock = clock;
    }

    /** A callback that notes that it ran, on which thread and when. */
    public Runnable record(String name) {
        return () -> runs.add(new Run(name, Thread.currentThread(), clock.get()));
    }

    /** What ran so far, in the order it ran. */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** The names of what ran so far, in the order it ran. */
    public List<String> names() {
        return runs.stream().map(Run::name).toList();
    }

    /** What ran, as ticks on a row per thread, and the order it ran in. */
    public String timeline() {
        return TimelineChart.drawTicks("", events());
    }

    /** What ran, as ticks on a row per thread, the row of {@code loop} first; every other row is not the loop's. */
    public String timeline(Thread loop) {
        return TimelineChart.drawTicks(loop.getName(), events());
    }

    private List<CallEvent> events() {
        return runs().stream().map(run -> new CallEvent(CallEvent.Kind.STARTED, run.name(), run.thread().getName(),
                Threads.isVirtual(run.thread()), run.at().toNanos(), 0)).toList();
    }
}
