package awaitlings.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The end of the logs on its own: a queue, and the calls of producers whose sources end one after another. */
@DisplayName("14 · producer / consumer with backpressure · the end of the logs")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndOfLogsTest {

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 3 · of 3 sources, only the last one to end puts END into the queue, and only once")
    @Hint("Task 3: count the sources that have ended; the call that counts the last one puts EndOfLogs.END in, and every"
            + " other call puts nothing.")
    void theLastSourcePutsTheEnd() throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);
        EndOfLogs end = new EndOfLogs(3, queue);

        List<String> held = new ArrayList<>();
        for (int source = 1; source <= 3; source++) {
            end.sourceEnded();
            held.add(contents(queue));
        }

        assertThat(held).withFailMessage("Expecting the queue to hold nothing once the 1st and the 2nd of 3 sources had"
                + " ended, and END alone once the 3rd had,%nbut it held %s, then %s, then %s.", held.get(0), held.get(1),
                held.get(2)).containsExactly("nothing", "nothing", "[END]");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("task 3 · with no sources at all, END is in the queue as soon as EndOfLogs is made")
    @Hint("Task 3: with 0 sources no producer will ever call sourceEnded(): the constructor puts END in itself (the"
            + " queue is new, so add() finds room).")
    void noSourcesHaveEndedAlready() {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);

        new EndOfLogs(0, queue);

        assertThat(contents(queue)).withFailMessage("Expecting the queue to hold END once EndOfLogs was made for 0"
                + " sources,%nbut it held %s: with no sources, the uploaders would wait for END forever.", contents(queue))
                .isEqualTo("[END]");
    }

    /** What the queue holds, END by its name, e.g. {@code [END]}, {@code ["s1-3", END]} or {@code nothing}. */
    static String contents(BlockingQueue<String> queue) {
        List<String> shown = new ArrayList<>();
        for (String line : queue) {
            shown.add(line == EndOfLogs.END ? "END" : "\"" + line + "\"");
        }
        return shown.isEmpty() ? "nothing" : shown.toString();
    }
}
