package awaitlings.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;

/**
 * What a fake saw: every call's start and end, in order, with the thread that made it.
 * Verdicts come from this structure (peak in flight, order, threads, interrupts), not from a stopwatch.
 * Thread-safe: fakes append from many threads while tests read.
 */
public final class CallLog {

    /** The logs made since the last check ended, so that a check that runs out of time can show what they saw. */
    private static final List<CallLog> SINCE_LAST_CHECK = new CopyOnWriteArrayList<>();
    /** The most logs a timed-out check's message shows. */
    private static final int MAX_SHOWN = 3;

    private final LongSupplier clock;
    private final long origin;
    private final List<CallEvent> events = new ArrayList<>();
    private int inFlight;

    CallLog() {
        this(System::nanoTime);
    }

    /** A log whose times come from {@code clock} (nanoseconds), e.g. a {@link VirtualClock}. */
    CallLog(LongSupplier clock) {
        this.clock = clock;
        this.origin = clock.getAsLong();
        SINCE_LAST_CHECK.add(this);
    }

    /** Forgets the logs made so far: called when a check ends. */
    static void forgetAll() {
        SINCE_LAST_CHECK.clear();
    }

    /**
     * What the logs made since the last check saw, as charts of the moment time ran out, each under a heading; empty
     * when they saw no call.
     */
    static String whenTimeRanOut() {
        StringBuilder charts = new StringBuilder();
        SINCE_LAST_CHECK.stream().filter(log -> log.calls() > 0).limit(MAX_SHOWN).forEach(log -> charts.append(
                String.format("Timeline when time ran out:%n%s%n", TimelineChart.drawWhenTimeRanOut(log.events(), log.now()))));
        return charts.toString();
    }

    /** A log made of given events, for checking how messages read. */
    static CallLog of(List<CallEvent> events) {
        return of(System::nanoTime, events);
    }

    /** A log made of given events, made at the moment {@code clock} tells. */
    static CallLog of(LongSupplier clock, List<CallEvent> events) {
        CallLog log = new CallLog(clock);
        log.events.addAll(events);
        return log;
    }

    synchronized void started(String key) {
        inFlight++;
        events.add(event(CallEvent.Kind.STARTED, key));
    }

    /** A start on behalf of {@code thread}, e.g. a task put on a timer that will run it. */
    synchronized void startedFor(String key, String thread) {
        inFlight++;
        events.add(new CallEvent(CallEvent.Kind.STARTED, key, thread, false, now(), inFlight));
    }

    synchronized void ended(String key, CallEvent.Kind how) {
        inFlight--;
        events.add(event(how, key));
    }

    /** Now on this log's clock, as its events count time. */
    private long now() {
        return clock.getAsLong() - origin;
    }

    private CallEvent event(CallEvent.Kind kind, String key) {
        Thread thread = Thread.currentThread();
        return new CallEvent(kind, key, thread.getName(), Threads.isVirtual(thread), now(), inFlight);
    }

    /** Every start and end so far, in the order they happened. */
    public synchronized List<CallEvent> events() {
        return List.copyOf(events);
    }

    /** How many calls were started. */
    public synchronized int calls() {
        return (int) events.stream().filter(e -> e.kind() == CallEvent.Kind.STARTED).count();
    }

    /** The most calls that were running at the same moment. */
    public synchronized int peakInFlight() {
        return events.stream().mapToInt(CallEvent::inFlight).max().orElse(0);
    }

    /** The keys of the calls, in the order they started. */
    public synchronized List<String> startOrder() {
        return events.stream().filter(e -> e.kind() == CallEvent.Kind.STARTED).map(CallEvent::key).toList();
    }

    /** The keys of the calls, in the order they ended (however they ended). */
    public synchronized List<String> endOrder() {
        return events.stream().filter(CallEvent::isEnd).map(CallEvent::key).toList();
    }

    /** The start of the first call for {@code key}, if there was one. */
    public synchronized Optional<CallEvent> startOf(String key) {
        return events.stream().filter(e -> e.kind() == CallEvent.Kind.STARTED && e.key().equals(key)).findFirst();
    }

    /** The end of the first call for {@code key}, if it has ended. */
    public synchronized Optional<CallEvent> endOf(String key) {
        return events.stream().filter(e -> e.isEnd() && e.key().equals(key)).findFirst();
    }

    /** Whether a call for {@code key} was interrupted while it waited. */
    public synchronized boolean sawInterrupt(String key) {
        return events.stream().anyMatch(e -> e.kind() == CallEvent.Kind.INTERRUPTED && e.key().equals(key));
    }

    /** From the first start to the last event, or zero when nothing was called. */
    public synchronized Duration span() {
        if (events.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(events.get(events.size() - 1).nanos() - events.get(0).nanos());
    }

    /** The log as a learner reads it: a chart of every call over a shared time axis, with the peak and the span. */
    public String timeline() {
        return timeline("");
    }

    /**
     * The chart of {@link #timeline()} with its axis run on to now, so that a call still in flight shows how long it
     * has been: for a message written while a call is still held, e.g. a request that should have timed out.
     */
    public String timelineUntilNow() {
        return TimelineChart.drawUntil(events(), now());
    }

    /**
     * The calls of several fakes on one chart, each call's key headed by its fake's name, so that one time axis shows
     * which answered first and which were left running. The logs must count time on the same clock, as the fakes on
     * real time do.
     */
    public static String timeline(Map<String, CallLog> byFake) {
        return timeline(byFake, (fake, key) -> fake + " " + key, Long.MIN_VALUE);
    }

    /**
     * As {@link #timeline(Map)}, drawn as the calls stand now: the axis runs on to this moment, and a call still in
     * flight is marked ⏱, so that a wait that never ended shows how long it has lasted.
     */
    public static String timelineUntilNow(Map<String, CallLog> byFake) {
        return timeline(byFake, (fake, key) -> fake + " " + key, now(byFake));
    }

    /**
     * The calls of several fakes on one chart, each under its own key: for fakes that each serve one key, e.g. one
     * held fake per page so that a check can let each go on its own. The logs must count time on the same clock.
     */
    public static String timelineOfAll(Collection<CallLog> logs) {
        return timeline(byIndex(logs), (fake, key) -> key, Long.MIN_VALUE);
    }

    /** As {@link #timelineOfAll}, with its axis run on to now: for a message written while a call is still held. */
    public static String timelineOfAllUntilNow(Collection<CallLog> logs) {
        Map<String, CallLog> byIndex = byIndex(logs);
        return timeline(byIndex, (fake, key) -> key, now(byIndex));
    }

    private static Map<String, CallLog> byIndex(Collection<CallLog> logs) {
        Map<String, CallLog> byIndex = new LinkedHashMap<>();
        logs.forEach(log -> byIndex.put(String.valueOf(byIndex.size()), log));
        return byIndex;
    }

    /** Now on the clock the logs share, or {@code Long.MIN_VALUE} when there are none. */
    private static long now(Map<String, CallLog> logs) {
        return logs.values().stream().findFirst().map(log -> log.clock.getAsLong()).orElse(Long.MIN_VALUE);
    }

    /** @param now the moment the axis runs to, on the logs' clock, or {@code Long.MIN_VALUE} to end it at the last event */
    private static String timeline(Map<String, CallLog> byFake, BinaryOperator<String> label, long now) {
        record Stamped(String fake, long nanos, CallEvent event) {
        }
        List<Stamped> all = new ArrayList<>();
        byFake.forEach((fake, log) -> log.events().forEach(e -> all.add(new Stamped(fake, log.origin + e.nanos(), e))));
        all.sort(Comparator.comparingLong(Stamped::nanos));
        List<CallEvent> merged = new ArrayList<>();
        int inFlight = 0;
        for (Stamped stamped : all) {
            CallEvent e = stamped.event();
            inFlight += e.isEnd() ? -1 : 1;
            merged.add(new CallEvent(e.kind(), label.apply(stamped.fake(), e.key()), e.thread(), e.virtual(),
                    stamped.nanos(), inFlight));
        }
        return now == Long.MIN_VALUE ? TimelineChart.draw(merged, "") : TimelineChart.drawUntil(merged, now);
    }

    /**
     * The events of {@code logs} in the order they happened, their times counted from {@code origin} on
     * {@link System#nanoTime()}, as the logs of fakes on real time count them.
     */
    static List<CallEvent> merged(long origin, CallLog... logs) {
        List<CallEvent> all = new ArrayList<>();
        for (CallLog log : logs) {
            log.events().forEach(e -> all.add(new CallEvent(e.kind(), e.key(), e.thread(), e.virtual(),
                    log.origin + e.nanos() - origin, e.inFlight())));
        }
        all.sort(Comparator.comparingLong(CallEvent::nanos));
        return all;
    }

    /** The chart of {@link #timeline()}, with what the check expected (e.g. {@code "3 in flight"}) beside the peak. */
    String timeline(String expected) {
        return TimelineChart.draw(events(), expected);
    }
}
