package awaitlings.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.model.CallBar;
import awaitlings.harness.CallEvent;
import awaitlings.harness.Timelines;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CheckRunner")
class CheckRunnerTests {

    private static final long MS = 1_000_000;

    @Test
    @DisplayName("a call still in flight on a chart drawn as the calls stood is a bar to the end of its axis, not to its last event")
    void aCallInFlightLastsToTheAxisEnd() {
        List<CallEvent> events = List.of(
                new CallEvent(CallEvent.Kind.STARTED, "load q1", "worker-1", false, 0, 1),
                new CallEvent(CallEvent.Kind.STARTED, "held load q2", "server-loop", false, 15 * MS, 2),
                new CallEvent(CallEvent.Kind.RETURNED, "load q1", "worker-1", false, 20 * MS, 1));

        assertThat(CheckRunner.EventWriter.bars(new Timelines.Drawn(events, 5000 * MS))).containsExactly(
                new CallBar("load q1", "worker-1", 0, 20, "returned"),
                new CallBar("held load q2", "server-loop", 15, 5000, CallBar.IN_FLIGHT));
        assertThat(CheckRunner.EventWriter.bars(new Timelines.Drawn(events, Long.MIN_VALUE)).get(1).end())
                .as("a chart that ends at its last event").isEqualTo(20);
    }
}
