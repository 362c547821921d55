package awaitlings.backpressure;

import static awaitlings.backpressure.LogShipperTest.logServer;
import static awaitlings.backpressure.LogShipperTest.uploadedEachOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.backpressure.LogShipperTest.Running;
import awaitlings.harness.CallEvent;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("14 · producer / consumer with backpressure · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogShipperHiddenTest {

    private final LogShipperTest shipping = new LogShipperTest();
    private final LogShipperTest.Backlog backlog = shipping.backlog;

    @Test
    @Order(1)
    @DisplayName("task 4 · when the only uploader fails, ship() throws an ExecutionException with that failure, and the producer waiting on a full queue stops")
    @Hint("Task 4: wait for the threads in the order they end (an ExecutorCompletionService), so that a failure is seen"
            + " at once; then shutdownNow() in a finally block interrupts the producer that waits on the full queue.")
    void aFailedUploadStopsTheProducers() {
        IllegalStateException refused = new IllegalStateException("log server: 507 Insufficient Storage");
        // Slow uploads: a producer that nothing holds back would read all 1000 lines long before the 5th upload fails.
        FakeRemote server = logServer().latency(Duration.ofMillis(50)).failOn("s1-5", () -> refused).build();

        Throwable thrown = catchThrowable(shipping.ship(new LogShipper(2, 1), List.of(backlog.source("s1", 1000)), server)::returned);

        failedWith(thrown, refused);
        assertThat(backlog.read()).withFailMessage("Expecting the producer to stop once the upload failed,%nbut it read"
                + " all %d lines.", backlog.read()).isLessThan(1000);
        backlog.threadsEndedAfter("ship(), after the upload failed");
    }

    @Test
    @Order(2)
    @DisplayName("task 4 · when a source cannot be read, ship() throws an ExecutionException with that failure, and the uploads going on are stopped")
    @Hint("Task 4: a producer that fails is a failure like an uploader's: the first one to end with an exception ends"
            + " the shipping, and every other thread is stopped.")
    void aFailedSourceStopsTheUploaders() {
        IllegalStateException unreadable = new IllegalStateException("s2: disk read error");
        FakeRemote server = logServer().held().build();
        List<LogSource> sources = List.of(backlog.source("s1", 1000), backlog.source("s2", 1000, 1, unreadable));
        try {
            Throwable thrown = catchThrowable(shipping.ship(new LogShipper(2, 2), sources, server)::returned);

            failedWith(thrown, unreadable);
            // The uploads are still held: only an interrupt ends them now.
            backlog.threadsEndedAfter("ship(), after a source failed");
        } finally {
            server.release();
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 4 · an interrupted ship() stops every thread (the uploads see the interrupt) and throws InterruptedException")
    @Hint("Task 4: the InterruptedException that the waiting caller gets must stop the shipping too: shutdownNow() in"
            + " the finally block interrupts every thread, and the exception goes on to the caller.")
    void anInterruptStopsTheShipping() {
        FakeRemote server = logServer().held().build();
        Running running = shipping.ship(new LogShipper(2, 2), shipping.sources(2, 50), server);
        try {
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> server.log().calls() == 2);
            running.caller().interrupt();
            Throwable thrown = catchThrowable(running::returned);

            if (thrown == null || !(thrown.getCause() instanceof InterruptedException)) {
                fail(String.format("Expecting ship() to throw InterruptedException when its caller was interrupted,%n"
                        + "but it %s.", thrown == null ? "returned" : "threw " + thrown));
            }
            if (interruptedUploads(server) < 2) {
                fail(String.format("Expecting both uploads that were going on to be interrupted once ship() was,%n"
                        + "but %d were.%nTimeline:%n%s", interruptedUploads(server), server.log().timeline()));
            }
        } finally {
            server.release();
        }
        backlog.threadsEndedAfter("ship(), after it was interrupted");
    }

    @Test
    @Order(4)
    @DisplayName("task 3 · with 3 uploaders and logs of 0, 1 and 7 lines, ship() uploads those 8 lines and returns")
    @Hint("Task 3: a source that ends at once still counts as ended; the end marker goes in once every source has ended,"
            + " and each uploader passes it on, however many there are.")
    void shortLogsEndToo() {
        FakeRemote server = logServer().build();
        List<LogSource> sources = List.of(backlog.source("s1", 0), backlog.source("s2", 1), backlog.source("s3", 7));

        shipping.ship(new LogShipper(1, 3), sources, server).returned();

        uploadedEachOnce(server, List.of("s2-1", "s3-1", "s3-2", "s3-3", "s3-4", "s3-5", "s3-6", "s3-7"));
        backlog.threadsEndedAfter("ship()");
    }

    @Test
    @Order(5)
    @DisplayName("task 2 · once a source has ended, still no more than `uploaders` uploads at once")
    @Hint("Task 2: start exactly `uploaders` uploader threads; a producer's thread ends with its source, and nothing"
            + " else may start on it.")
    void noMoreUploadersThanAsked() {
        FakeRemote server = logServer().held().build();
        List<LogSource> sources = List.of(backlog.source("s1", 0), backlog.source("s2", 20));
        Running running = shipping.ship(new LogShipper(4, 2), sources, server);
        try {
            // 2 lines in the held uploads, 4 in the queue, 1 in the hand of s2's producer; s1's has ended.
            shipping.awaitRead(7);
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> server.log().peakInFlight() <= 2);
        } catch (ConditionTimeoutException more) {
            fail(String.format("Expecting at most 2 uploads at once (uploaders = 2) while they were held, source s1"
                    + " having ended at once,%nbut %d were in flight: more uploaders ran than were asked for.",
                    server.log().peakInFlight()));
        } finally {
            server.release();
        }
        running.returned();
        uploadedEachOnce(server, IntStream.rangeClosed(1, 20).mapToObj(i -> "s2-" + i).toList());
    }

    @Test
    @Order(6)
    @DisplayName("task 4 · ship() returns only once the threads it stopped have ended, an upload that takes a while to stop too")
    @Hint("Task 4: shutdownNow() only asks the threads to stop; awaitTermination() after it waits until they have.")
    void shipWaitsForTheThreadsItStopped() {
        IllegalStateException unreadable = new IllegalStateException("s2: disk read error");
        CountDownLatch uploading = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CallRecorder calls = new CallRecorder();
        Uploader slowToStop = line -> calls.run("upload", () -> {
            uploading.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException stopped) {
                // Finishes the request it had begun, then stops.
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                order.add("the stopped upload ended");
                Thread.currentThread().interrupt();
            }
        });
        LogSource failsOnceUploading = () -> {
            try {
                uploading.await(Futures.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            throw unreadable;
        };

        List<LogSource> sources = List.of(backlog.source("s1", 1), failsOnceUploading);
        Running running = new Running(CallerThread.start("ship()", () -> calls.callThrowing("ship()", () -> {
            new LogShipper(2, 1).ship(sources, slowToStop);
            return null;
        })));
        Throwable thrown = catchThrowable(running::returned);
        order.add("ship() returned");

        failedWith(thrown, unreadable);
        assertThat(order).withFailMessage("Expecting ship() to return only once the upload it stopped had ended,%n"
                + "but the order was %s: ship() returned while one of its threads was still running.%nTimeline:%n%s",
                order, calls.log().timeline())
                .containsExactly("the stopped upload ended", "ship() returned");
    }

    private static long interruptedUploads(FakeRemote server) {
        return server.log().events().stream().filter(e -> e.kind() == CallEvent.Kind.INTERRUPTED).count();
    }

    private static void failedWith(Throwable thrown, Throwable failure) {
        if (thrown instanceof AssertionError stuck && stuck.getCause() == null) {
            throw stuck;
        }
        Throwable cause = thrown == null ? null : thrown.getCause();
        if (!(cause instanceof ExecutionException) || cause.getCause() != failure) {
            fail(String.format("Expecting ship() to throw an ExecutionException whose cause is%n    %s%nbut it %s.",
                    failure, thrown == null ? "returned" : "threw " + (cause instanceof ExecutionException ? cause : thrown)));
        }
    }
}
