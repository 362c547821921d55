package awaitlings.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Draws a call log as a plain-text chart a learner can read at a glance: one row per call, a bar over the time it was
 * in flight on a time axis shared by all rows, then the measured peak and span next to what the check expected.
 * Fits 100 columns whatever the number of calls: past {@value #MAX_ROWS} rows the other calls share one row. A loop's
 * chart has a row for its thread first: what ran on it as ticks, what kept it busy as a bar; a callback loop's chart
 * has a row of ticks per thread that ran its callbacks.
 */
final class TimelineChart {

    /** How every chart begins, on the line of its time axis. */
    static final String HEADER = "your run";
    private static final int MAX_ROWS = 12;
    private static final int BAR = 60;
    private static final int MAX_LABEL = 28;
    private static final int MIN_KEY = 12;
    private static final int MIN_TICK_GAP = 12;
    private static final int MAX_ORDER = 48;
    private static final String INDENT = "    ";
    private static final long MS = 1_000_000;
    /** What each mark means, told under the chart only when the chart uses it. */
    private static final List<String> LEGEND = List.of(
            "✗ failed", "⊘ interrupted or cancelled", "→ still in flight at the end", "⏱ still in flight when time ran out",
            "░ the other calls in flight");

    private TimelineChart() {
    }

    /**
     * The chart of {@code events} (in the order they happened); {@code expected} is added to the summary line when it
     * is not blank, e.g. {@code "3 in flight"}.
     */
    static String draw(List<CallEvent> events, String expected) {
        return draw(events, expected, "→", Long.MIN_VALUE);
    }

    /**
     * The chart of {@code events} as they stood when a check's time ran out, at {@code now} on the log's clock: the
     * axis runs to then, and a call still in flight is marked ⏱.
     */
    static String drawWhenTimeRanOut(List<CallEvent> events, long now) {
        return draw(events, "", "⏱", now);
    }

    /** The chart of {@code events} with its axis run on to {@code now}, on the log's clock; a call in flight runs on to it. */
    static String drawUntil(List<CallEvent> events, long now) {
        return draw(events, "", "→", now);
    }

    private static String draw(List<CallEvent> events, String expected, String stillInFlight, long end) {
        Timelines.drawn(events, end);
        if (events.isEmpty()) {
            return INDENT + "(no calls)";
        }
        long origin = events.get(0).nanos();
        long span = Math.max(end, events.get(events.size() - 1).nanos()) - origin;
        String summary = String.format("peak in flight %d · span %d ms",
                events.stream().mapToInt(CallEvent::inFlight).max().orElse(0), span / MS);
        return layout(callRows(CallSpan.of(events), MAX_ROWS, origin, span, stillInFlight), span,
                expected.isBlank() ? summary : summary + "   expected: " + expected, List.of());
    }

    /**
     * A loop's heartbeats as ticks on its thread's row, and the time its thread was busy as a bar on it: blocked by
     * the beat still waiting since {@code waitingSince} (negative when none waits), or by a call of {@code work} made
     * on it. Each call of {@code work} also gets a row of its own. All times count from the probe's start, which is 0;
     * {@code end} is now.
     */
    static String drawLoop(String loopThread, List<Long> beats, long waitingSince, long end, List<CallEvent> work,
                           Duration period) {
        List<CallEvent> drawn = new ArrayList<>(work);
        if (waitingSince >= 0) {
            drawn.add(new CallEvent(CallEvent.Kind.STARTED, "heartbeat", loopThread, false, waitingSince, 1));
        }
        drawn.sort(Comparator.comparingLong(CallEvent::nanos));
        Timelines.drawn(drawn, Long.MIN_VALUE);
        long span = Math.max(1, end);
        List<CallSpan> calls = CallSpan.of(work);
        char[] loop = blank();
        for (CallSpan call : calls) {
            if (call.start().thread().equals(loopThread)) {
                fill(loop, call, 0, span, '█');
            }
        }
        if (waitingSince >= 0) {
            Arrays.fill(loop, Math.min(BAR - 1, column(waitingSince, span)), BAR, '█');
        }
        // Last, so that a column where the loop was free for a moment shows the beat it ran then.
        for (long beat : beats) {
            loop[Math.min(BAR - 1, column(beat, span))] = '│';
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(label(new CallEvent(CallEvent.Kind.STARTED, "heartbeats", loopThread, false, 0, 0)),
                new String(loop)));
        rows.addAll(callRows(calls, MAX_ROWS - 1, 0, span, "→"));
        String summary = String.format("heartbeats run %d", beats.size())
                + (waitingSince < 0 ? "" : String.format(" · the last one sent has waited %d ms", (end - waitingSince) / MS))
                + String.format("   expected: one every %d ms all along", period.toMillis());
        return layout(rows, span, summary, List.of("│ a heartbeat ran on the loop", "█ the loop's thread was busy"));
    }

    /**
     * What a loop ran, as ticks: a row per thread that ran a callback, the row of {@code loopThread} first (even when
     * nothing ran on it), a tick at the time each one ran, then the order they ran in. {@code ticks} are in that
     * order, their times from the clock's zero; {@code loopThread} is blank when the check does not know the loop.
     */
    static String drawTicks(String loopThread, List<CallEvent> ticks) {
        List<CallEvent> drawn = new ArrayList<>();
        for (CallEvent tick : ticks) {
            drawn.add(tick);
            drawn.add(new CallEvent(CallEvent.Kind.RETURNED, tick.key(), tick.thread(), tick.virtual(), tick.nanos(), 0));
        }
        Timelines.drawn(drawn, Long.MIN_VALUE);
        if (ticks.isEmpty()) {
            return INDENT + "(nothing ran)";
        }
        // A tenth more than the last tick, so that the last tick is not on the chart's edge and its time is labelled.
        long span = ticks.stream().mapToLong(CallEvent::nanos).max().orElse(0) * 11 / 10;
        Map<String, CallEvent> firstOnThread = new LinkedHashMap<>();
        if (!loopThread.isBlank()) {
            firstOnThread.put(loopThread, new CallEvent(CallEvent.Kind.STARTED, "", loopThread, false, 0, 0));
        }
        ticks.forEach(tick -> firstOnThread.putIfAbsent(tick.thread(), tick));
        List<String> threads = new ArrayList<>(firstOnThread.keySet());
        List<String> shown = threads.subList(0, Math.min(MAX_ROWS, threads.size()));
        List<Row> rows = new ArrayList<>();
        for (String thread : shown) {
            String key = loopThread.isBlank() ? "ran" : thread.equals(loopThread) ? "loop" : "not loop";
            CallEvent first = firstOnThread.get(thread);
            rows.add(new Row(label(new CallEvent(CallEvent.Kind.STARTED, key, thread, first.virtual(), 0, 0)),
                    ticksOf(ticks, span, tick -> tick.thread().equals(thread))));
        }
        if (threads.size() > shown.size()) {
            rows.add(new Row(String.format("…and %d more threads", threads.size() - shown.size()),
                    ticksOf(ticks, span, tick -> !shown.contains(tick.thread()))));
        }
        long offLoop = ticks.stream().filter(tick -> !tick.thread().equals(loopThread)).count();
        String summary = "ran in order: " + inOrder(ticks)
                + (loopThread.isBlank() || offLoop == 0 ? "" : String.format(" · %d not on the loop's thread", offLoop));
        return layout(rows, span, summary, List.of("│ a callback ran"));
    }

    private static String ticksOf(List<CallEvent> ticks, long span, Predicate<CallEvent> onRow) {
        char[] bar = blank();
        ticks.stream().filter(onRow).forEach(tick -> bar[Math.min(BAR - 1, column(tick.nanos(), span))] = '│');
        return new String(bar);
    }

    /** The names in the order they ran, as many as leave the summary room to say how many ran off the loop. */
    private static String inOrder(List<CallEvent> ticks) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < ticks.size(); i++) {
            String name = (i == 0 ? "" : ", ") + ticks.get(i).key();
            String more = String.format(", …and %d more", ticks.size() - i);
            if (names.length() + name.length() + more.length() > MAX_ORDER && i < ticks.size() - 1) {
                return names.append(more).toString();
            }
            names.append(name);
        }
        return names.toString();
    }

    /** One row of a chart: what it shows, and its bar with the mark that ends it. */
    private record Row(String label, String bar) {
    }

    /** A row per call, the first {@code maxRows}; the others share one more row. */
    private static List<Row> callRows(List<CallSpan> calls, int maxRows, long origin, long span, String stillInFlight) {
        List<CallSpan> shown = calls.subList(0, Math.min(maxRows, calls.size()));
        List<CallSpan> rest = calls.subList(shown.size(), calls.size());
        List<Row> rows = new ArrayList<>();
        for (CallSpan call : shown) {
            char[] bar = blank();
            int last = fill(bar, call, origin, span, '█');
            rows.add(new Row(label(call.start()), new String(bar, 0, last + 1) + marker(call, stillInFlight)));
        }
        if (!rest.isEmpty()) {
            char[] bar = blank();
            for (CallSpan call : rest) {
                fill(bar, call, origin, span, '░');
            }
            rows.add(new Row(String.format("…and %d more calls", rest.size()), new String(bar)));
        }
        return rows;
    }

    /** The axis, the rows under it, the summary, and the legend: {@code always}, then each mark the rows use. */
    private static String layout(List<Row> rows, long span, String summary, List<String> always) {
        int width = HEADER.length();
        for (Row row : rows) {
            width = Math.max(width, row.label().length());
        }
        StringBuilder out = new StringBuilder();
        line(out, pad(HEADER, width) + "  " + axis(span));
        StringBuilder bars = new StringBuilder();
        for (Row row : rows) {
            line(out, pad(row.label(), width) + "  " + row.bar());
            bars.append(row.bar());
        }
        line(out, summary);
        List<String> legend = new ArrayList<>(always);
        LEGEND.stream().filter(l -> bars.indexOf(l.substring(0, 1)) >= 0).forEach(legend::add);
        if (!legend.isEmpty()) {
            line(out, String.join(" · ", legend));
        }
        return out.toString().stripTrailing();
    }

    /** Marks the columns the call was in flight with {@code mark}; returns the last column marked. */
    private static int fill(char[] bar, CallSpan call, long origin, long span, char mark) {
        int first = Math.min(BAR - 1, column(call.start().nanos() - origin, span));
        int last = call.end() == null ? BAR - 1
                : Math.max(first, Math.min(BAR - 1, column(call.end().nanos() - origin, span) - 1));
        Arrays.fill(bar, first, last + 1, mark);
        return last;
    }

    private static int column(long nanos, long span) {
        return span == 0 ? 0 : (int) Math.round((double) nanos * BAR / span);
    }

    private static String marker(CallSpan call, String stillInFlight) {
        if (call.end() == null) {
            return stillInFlight;
        }
        return switch (call.end().kind()) {
            case FAILED -> "✗";
            case INTERRUPTED, CANCELLED -> "⊘";
            default -> "";
        };
    }

    /** Tick labels every 1, 2 or 5 times a power of ten ms, at least {@value #MIN_TICK_GAP} columns apart. */
    private static String axis(long span) {
        long spanMs = span / MS;
        long step = 1;
        while (step * BAR < (long) MIN_TICK_GAP * spanMs) {
            step = nextStep(step);
        }
        StringBuilder axis = new StringBuilder();
        for (long t = 0; t <= spanMs; t += step) {
            String tick = t + "ms";
            int at = column(t * MS, span);
            if (at + tick.length() > BAR + 1) {
                break;
            }
            if (axis.length() > 0 && at <= axis.length()) {
                continue; // a label wider than the gap (a span of months) skips the tick rather than overwrite it
            }
            axis.append(" ".repeat(at - axis.length())).append(tick);
        }
        return axis.toString();
    }

    private static long nextStep(long step) {
        char first = Long.toString(step).charAt(0);
        return first == '2' ? step / 2 * 5 : step * 2;
    }

    private static String label(CallEvent start) {
        String key = start.key();
        String thread = start.thread().isEmpty() ? "unnamed" : start.thread();
        String virtual = start.virtual() ? ", virtual" : "";
        // A long key gives way before the thread does: which thread made the call is often the lesson. But a key
        // keeps a few letters, and a long thread name then keeps its end, where pools number their threads.
        int threadRoom = MAX_LABEL - "  []".length() - virtual.length() - Math.min(key.length(), MIN_KEY);
        if (thread.length() > threadRoom && threadRoom > 1) {
            thread = "…" + thread.substring(thread.length() - (threadRoom - 1));
        }
        String where = "  [" + thread + virtual + "]";
        int room = MAX_LABEL - where.length();
        if (key.length() > room && room > 1) {
            key = key.substring(0, room - 1) + "…";
        }
        String label = key + where;
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static char[] blank() {
        char[] bar = new char[BAR];
        Arrays.fill(bar, ' ');
        return bar;
    }

    private static void line(StringBuilder out, String text) {
        out.append(INDENT).append(text.stripTrailing()).append(System.lineSeparator());
    }
}
