package awaitlings.harness;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls of the last timeline a failure message drew, kept for a grader that draws it again for the instructor.
 * The checks run one at a time, so the last one drawn belongs to the check that just failed.
 */
public final class Timelines {

    private static final AtomicReference<List<CallEvent>> LAST = new AtomicReference<>(List.of());

    private Timelines() {
    }

    static void drawn(List<CallEvent> events) {
        LAST.set(List.copyOf(events));
    }

    /** The events of the last timeline drawn since the last call; none when none was. */
    public static List<CallEvent> take() {
        return LAST.getAndSet(List.of());
    }

    /**
     * The events of the last timeline drawn since the last call, when {@code message} shows a timeline; none when it
     * does not: a check may draw one for a message it then did not need, and fail later with a message without one.
     */
    public static List<CallEvent> takeFor(String message) {
        List<CallEvent> last = take();
        return message.contains(TimelineChart.HEADER) ? last : List.of();
    }
}
