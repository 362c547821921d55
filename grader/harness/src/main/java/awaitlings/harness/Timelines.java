package awaitlings.harness;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls of the last timeline a failure message drew, kept for a grader that draws it again for the instructor.
 * The checks run one at a time, so the last one drawn belongs to the check that just failed.
 */
public final class Timelines {

    /**
     * The calls of a chart, and where its axis ends: at its last event, or later for a chart drawn as the calls stood
     * at a moment (a call still in flight then lasts until that moment).
     *
     * @param events the starts and ends drawn, in order
     * @param until  the moment the axis runs to, on the events' clock, or {@code Long.MIN_VALUE} for the last event
     */
    public record Drawn(List<CallEvent> events, long until) {

        static final Drawn NONE = new Drawn(List.of(), Long.MIN_VALUE);

        /** Where the axis ends, on the events' clock: a call still in flight lasts until then. */
        public long end() {
            return events.isEmpty() ? until : Math.max(until, events.get(events.size() - 1).nanos());
        }
    }

    private static final AtomicReference<Drawn> LAST = new AtomicReference<>(Drawn.NONE);

    private Timelines() {
    }

    static void drawn(List<CallEvent> events, long until) {
        LAST.set(new Drawn(List.copyOf(events), until));
    }

    /** The last timeline drawn since the last call; none when none was. */
    public static Drawn take() {
        return LAST.getAndSet(Drawn.NONE);
    }

    /**
     * The last timeline drawn since the last call, when {@code message} shows a timeline; none when it does not: a
     * check may draw one for a message it then did not need, and fail later with a message without one.
     */
    public static Drawn takeFor(String message) {
        Drawn last = take();
        return message.contains(TimelineChart.HEADER) ? last : Drawn.NONE;
    }
}
