package awaitlings.backpressure;

import static awaitlings.backpressure.EndOfLogsTest.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.ExploresInterleavings;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Interleavings;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("14 · producer / consumer with backpressure · the end of the logs · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndOfLogsHiddenTest {

    @Test
    @Order(1)
    @Points(2)
    @ExploresInterleavings
    @DisplayName("task 3 · two sources that end at the same moment put END into the queue exactly once")
    @Hint("Task 3: \"count this source, and was it the last?\" must be one step: decrementAndGet() on an AtomicInteger,"
            + " or a synchronized method. Read, then write, and two producers can both miss the last, or both find it.")
    void twoSourcesEndAtOnce() {
        Interleavings.explore(EndOfLogs.class, "two sources that end at the same moment to put END into the queue exactly once",
                () -> new EndRace(),
                List.of(race -> race.sourceEnded(), race -> race.sourceEnded()),
                race -> race.ends() == 1 && race.queue.size() == 1,
                race -> "the queue held " + race.held());
    }

    /** Two sources about to end, and the queue their end goes into. */
    private static final class EndRace {
        final BlockingQueue<String> queue = new ArrayBlockingQueue<>(2);
        final EndOfLogs end = new EndOfLogs(2, queue);

        void sourceEnded() {
            try {
                end.sourceEnded();
            } catch (InterruptedException unexpected) {
                throw new IllegalStateException("interrupted, though nothing interrupts it", unexpected);
            }
        }

        /** How many ENDs the queue holds: a plain loop, as the verdict runs under the explorer. */
        int ends() {
            int ends = 0;
            for (String line : queue) {
                if (line == EndOfLogs.END) {
                    ends++;
                }
            }
            return ends;
        }

        String held() {
            int ends = ends();
            return ends == 0 ? "no END: the uploaders would wait for it forever"
                    : ends + " ENDs: the second waits on a full queue once the uploaders have stopped";
        }
    }

    @Test
    @Order(2)
    @DisplayName("task 3 · the last source to end waits while the queue is full, and puts END in once there is room")
    @Hint("Task 3: put() waits for room; offer() gives up and add() throws, and END is lost with them: the uploaders"
            + " would wait for it forever.")
    void theEndWaitsForRoom() throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        queue.add("s1-9");
        EndOfLogs end = new EndOfLogs(1, queue);
        CountDownLatch calling = new CountDownLatch(1);
        FutureTask<Void> ending = new FutureTask<>(() -> {
            calling.countDown();
            end.sourceEnded();
            return null;
        });
        Thread producer = new Thread(ending, "producer of s1");
        producer.setDaemon(true);
        producer.start();

        calling.await();
        try {
            // A call that does not wait for room returns at once; one that waits stays in as long as the queue is full.
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !ending.isDone());
        } catch (ConditionTimeoutException returned) {
            rethrowWhatItThrew(ending);
            fail(String.format("Expecting sourceEnded() for the last source to wait while the queue was full,%n"
                    + "but it returned at once, and the queue held %s: END was not put in.", contents(queue)));
        }
        queue.take();
        try {
            ending.get(Futures.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            fail(String.format("Expecting sourceEnded() to put END in once the line was taken out of the full queue,%n"
                    + "but it was still waiting %d s later.", Futures.PATIENCE.toSeconds()));
        } catch (ExecutionException thrown) {
            rethrowWhatItThrew(ending);
        }
        assertThat(contents(queue)).withFailMessage("Expecting the queue to hold END once the line was taken out,%n"
                + "but it held %s.", contents(queue)).isEqualTo("[END]");
    }

    /** What the call threw, as it is; nothing if it returned. */
    private static void rethrowWhatItThrew(FutureTask<Void> ending) throws InterruptedException {
        try {
            ending.get();
        } catch (ExecutionException thrown) {
            if (thrown.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("sourceEnded() threw " + thrown.getCause(), thrown.getCause());
        }
    }
}
