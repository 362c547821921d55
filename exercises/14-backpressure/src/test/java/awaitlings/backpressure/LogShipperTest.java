package awaitlings.backpressure;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sources are fakes that count every line read; the uploader is a fake log server that logs every upload and can
 * hold them back. What lies between ("read, but not yet uploading") is counted at every step, so the checks know how
 * many lines the shipper held in memory at its fullest.
 */
@DisplayName("14 · producer / consumer with backpressure")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogShipperTest {

    // The fixtures without `private` are shared with LogShipperHiddenTest (same package).
    final Backlog backlog = new Backlog();

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("task 1 · while the uploads are held, the sources are read only as far as the queue holds: 2 uploading + 4 queued + 1 per producer")
    @Hint("Task 1: one ArrayBlockingQueue(capacity) for all producers, and put() (not add or offer): put waits while the"
            + " queue is full, so a producer reads its next line only once there is room.")
    void theQueueHoldsTheProducersBack() {
        FakeRemote server = logServer().held().build();
        Running shipping = ship(new LogShipper(4, 2), sources(3, 20), server);
        try {
            // 2 lines in the held uploads, 4 in the queue, and each of the 3 producers holds the line it waits to put.
            awaitRead(9);
            readNoFurther(9, "the 3 sources to be read no further than 9 lines while the uploads were held:%n"
                    + "    2 in the uploads, 4 in the queue (its capacity), 1 in each producer's hand", server);
        } finally {
            server.release();
        }
        shipping.returned();
        assertThat(server).wasCalled(60);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 2 · every line of 3 sources is uploaded exactly once, by 2 uploaders at the same time, and the queue never holds more than its capacity")
    @Hint("Task 2: start `uploaders` threads that each take() a line and upload it, over and over; a line taken from"
            + " the queue is gone from it, so no other uploader gets it too.")
    void everyLineExactlyOnce() {
        FakeRemote server = logServer().latency(Duration.ofMillis(5)).rendezvous(2).build();

        ship(new LogShipper(4, 2), sources(3, 20), server).returned();

        uploadedEachOnce(server, linesOf(3, 20));
        assertThat(server).ranConcurrently(2);
        // At any moment: at most 4 in the queue, 1 in each of the 3 producers' hands, 1 taken by each of 2 uploaders.
        assertThat(backlog.most()).withFailMessage("Expecting at most 9 lines read and not yet uploading at any moment"
                + " (4 queued, 3 in the producers' hands, 2 taken by the uploaders),%nbut there were %d at one moment:"
                + " the queue held more than its capacity.", backlog.most()).isLessThanOrEqualTo(9);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 2 · with one uploader, each source's lines are uploaded in the order the source gave them")
    @Hint("Task 2: a queue is first in, first out, and each producer puts its lines in the order it reads them: keep it"
            + " that way (no second queue, no put from another thread, no stack).")
    void eachSourceInItsOrder() {
        FakeRemote server = logServer().build();

        ship(new LogShipper(4, 1), sources(3, 20), server).returned();

        for (int s = 1; s <= 3; s++) {
            String prefix = "s" + s + "-";
            List<String> uploaded = server.log().startOrder().stream().filter(l -> l.startsWith(prefix)).toList();
            List<String> expected = IntStream.rangeClosed(1, 20).mapToObj(i -> prefix + i).toList();
            assertThat(uploaded).withFailMessage("Expecting the lines of source s%d to be uploaded in its order,%n    %s%n"
                    + "but they were uploaded as%n    %s", s, expected, uploaded).isEqualTo(expected);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · ship() returns once the last line is uploaded, and every thread it started has ended")
    @Hint("Task 3: when every source has ended, put an end marker in the queue; each uploader that takes it puts it"
            + " back and stops. Then wait for the threads, and shut them down in a finally block.")
    void shipReturnsWhenAllIsUploaded() {
        FakeRemote server = logServer().latency(Duration.ofMillis(2)).build();

        ship(new LogShipper(3, 2), sources(2, 15), server).returned();

        assertThat(server.log().endOrder()).withFailMessage("Expecting all 30 uploads to be finished when ship()"
                + " returned,%nbut %d were: ship() returned while uploads were still going on.%nTimeline:%n%s",
                server.log().endOrder().size(), server.log().timeline()).hasSize(30);
        backlog.threadsEndedAfter("ship()");
    }

    // ---- the logs and the server ---------------------------------------------------------------------------------

    /** The log server: each upload is a call to the fake, keyed by its line. */
    static FakeRemote.Builder logServer() {
        return FakeRemote.named("log server");
    }

    /** {@code count} sources of {@code lines} lines each: source s1 reads "s1-1", "s1-2", … */
    List<LogSource> sources(int count, int lines) {
        return IntStream.rangeClosed(1, count).mapToObj(s -> backlog.source("s" + s, lines)).toList();
    }

    static List<String> linesOf(int count, int lines) {
        return IntStream.rangeClosed(1, count).boxed()
                .flatMap(s -> IntStream.rangeClosed(1, lines).mapToObj(i -> "s" + s + "-" + i)).toList();
    }

    /** Runs ship() on a thread of its own, with an uploader that counts every upload that starts. */
    Running ship(LogShipper shipper, List<LogSource> sources, FakeRemote server) {
        Uploader uploader = backlog.uploader(server::fetch);
        return new Running(CallerThread.start("ship()", () -> {
            shipper.ship(sources, uploader);
            return null;
        }), server);
    }

    /** ship() started on a thread of its own, uploading to {@code server}, or to an uploader of a check's own (null). */
    record Running(CallerThread<Void> caller, FakeRemote server) {

        Running(CallerThread<Void> caller) {
            this(caller, null);
        }

        /** Waits until ship() returned; what it threw is rethrown (a checked exception inside an AssertionError). */
        void returned() {
            caller.result(() -> String.format("Expecting ship() to return once every line was uploaded,%n"
                    + "but it was still running %d s later: something still waits. An uploader that is never told the"
                    + " logs have ended waits for a line forever: every uploader must see the end marker.%s",
                    Futures.PATIENCE.toSeconds(), server == null ? ""
                            : String.format("%nTimeline of the uploads:%n%s", server.log().timelineUntilNow())));
        }
    }

    void awaitRead(int lines) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> backlog.read() >= lines);
        } catch (ConditionTimeoutException tooFew) {
            fail(String.format("Expecting the sources to be read until the queue was full (%d lines),%n"
                    + "but after %d s only %d lines had been read: the queue holds fewer lines than its capacity, or the"
                    + " producers do not run.", lines, Futures.PATIENCE.toSeconds(), backlog.read()));
        }
    }

    /**
     * Fails as soon as more than {@code lines} lines are read within 300 ms: a producer that would read too far does
     * it at once, while one that waits on a full queue reads nothing meanwhile.
     */
    void readNoFurther(int lines, String expected, FakeRemote server) {
        try {
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> backlog.read() <= lines);
        } catch (ConditionTimeoutException readOn) {
            fail(String.format("Expecting " + expected + "%nbut %d lines were read (%s): the queue let the producers run ahead of"
                    + " the uploads.%nA full queue must hold the producers back: put() into an ArrayBlockingQueue(capacity)."
                    + "%nTimeline of the held uploads:%n%s", backlog.read(), backlog.readBySource(), server.log().timelineUntilNow()));
        }
    }

    static void uploadedEachOnce(FakeRemote server, List<String> lines) {
        Map<String, Long> times = server.log().startOrder().stream()
                .collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
        List<String> missing = lines.stream().filter(l -> !times.containsKey(l)).toList();
        List<String> twice = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty() || !twice.isEmpty()) {
            fail(String.format("Expecting each of the %d lines to be uploaded exactly once,%nbut %s%s.", lines.size(),
                    missing.isEmpty() ? "" : "these were never uploaded: " + missing,
                    twice.isEmpty() ? "" : (missing.isEmpty() ? "" : ", and ") + "these were uploaded more than once: " + twice));
        }
    }

    /**
     * The lines read from the sources and the uploads started, counted together, and the threads that read and
     * uploaded. A line read is "in the shipper" until its upload starts.
     */
    static final class Backlog {
        private int read;
        private final Map<String, Integer> readBySource = new TreeMap<>();
        private int uploading;
        private int most;
        private final Set<Thread> threads = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        private final Map<String, Integer> next = new ConcurrentHashMap<>();

        /** A source of {@code lines} lines called {@code name}; it may fail at line {@code failAt} (0: never). */
        LogSource source(String name, int lines) {
            return source(name, lines, 0, null);
        }

        LogSource source(String name, int lines, int failAt, RuntimeException failure) {
            return () -> {
                threads.add(Thread.currentThread());
                synchronized (this) {
                    int n = next.merge(name, 1, Integer::sum);
                    if (n == failAt) {
                        throw failure;
                    }
                    if (n > lines) {
                        return null;
                    }
                    read++;
                    readBySource.merge(name, 1, Integer::sum);
                    most = Math.max(most, read - uploading);
                    return name + "-" + n;
                }
            };
        }

        Uploader uploader(Uploader server) {
            return line -> {
                threads.add(Thread.currentThread());
                synchronized (this) {
                    uploading++;
                }
                server.upload(line);
            };
        }

        synchronized int read() {
            return read;
        }

        /** How many lines each source gave, e.g. {@code "s1 7, s2 7, s3 6"}. */
        synchronized String readBySource() {
            return readBySource.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }

        /** The most lines read and not yet uploading at any moment. */
        synchronized int most() {
            return most;
        }

        /** Every thread that read or uploaded a line ended within a short linger. */
        void threadsEndedAfter(String owner) {
            List<Thread> seen;
            synchronized (threads) {
                seen = new ArrayList<>(threads);
            }
            seen.forEach(thread -> assertThat(thread).as("a thread of the shipper").endsAfter(owner));
        }
    }
}
