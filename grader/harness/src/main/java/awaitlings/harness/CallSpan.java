package awaitlings.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of a call log, from its start to its end, if it ended.
 *
 * @param start the call's start
 * @param end   how and when it ended; null while it is still in flight
 */
public record CallSpan(CallEvent start, CallEvent end) {

    /** How the call ended, if it did. */
    public Optional<CallEvent> ending() {
        return Optional.ofNullable(end);
    }

    /** The calls of {@code events}: each end matched to the earliest start of the same key not ended yet, in start order. */
    public static List<CallSpan> of(List<CallEvent> events) {
        List<CallEvent> starts = new ArrayList<>();
        Map<String, Deque<Integer>> open = new HashMap<>();
        Map<Integer, CallEvent> ends = new HashMap<>();
        for (CallEvent e : events) {
            if (e.isEnd()) {
                Deque<Integer> waiting = open.get(e.key());
                if (waiting != null && !waiting.isEmpty()) {
                    ends.put(waiting.removeFirst(), e);
                }
            } else {
                open.computeIfAbsent(e.key(), k -> new ArrayDeque<>()).addLast(starts.size());
                starts.add(e);
            }
        }
        List<CallSpan> calls = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            calls.add(new CallSpan(starts.get(i), ends.get(i)));
        }
        return calls;
    }
}
