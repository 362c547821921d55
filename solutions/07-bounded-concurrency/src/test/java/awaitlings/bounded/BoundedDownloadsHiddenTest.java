package awaitlings.bounded;

import static awaitlings.bounded.BoundedDownloadsTest.POOL;
import static awaitlings.bounded.BoundedDownloadsTest.pagesOf;
import static awaitlings.bounded.BoundedDownloadsTest.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallEvent;
import awaitlings.harness.CallLog;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("07 · bounded concurrency · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedDownloadsHiddenTest {

    private final ExecutorService pool = Executors.newCachedThreadPool(BoundedDownloadsTest.poolThreads());

    @AfterEach
    void closePool() {
        pool.shutdownNow();
    }

    @Test
    @Order(1)
    @DisplayName("task 2 · the next download starts as soon as one finishes, not when the whole batch is done")
    @Hint("Task 2: let every download wait for its own permit (acquire inside the task). Batches of `limit` that each"
            + " wait for the slowest of them leave permits unused.")
    void theNextStartsAsSoonAsOneFinishes() {
        // One held fake per page, so that the check lets exactly one download finish and watches what starts next:
        // which pages take the permits first is the pool's choice, so the check asks only what happens after that.
        List<String> urls = List.of("/a", "/b", "/c", "/d");
        Map<String, FakeRemote> servers = new LinkedHashMap<>();
        urls.forEach(url -> servers.put(url, server().held().build()));
        BoundedDownloads downloads = new BoundedDownloads(url -> servers.get(url).fetch(url), pool, 2);
        try {
            CompletableFuture<List<String>> pages = downloads.downloadAll(urls);
            List<String> running = awaitRunning(servers, 2);
            if (running.size() < 2) {
                fail(String.format("Expecting 2 downloads at once (the limit) while 4 pages waited,%nbut only %d"
                        + " had started %d s later, so no finished download could free a permit for the next.%n"
                        + "The pages: %s%nTimeline:%n%s", running.size(), Futures.PATIENCE.toSeconds(), states(servers),
                        timeline(servers)));
            }
            String done = running.get(0);
            String holding = running.get(1);
            servers.get(done).release();
            try {
                Awaitility.await().atMost(Futures.PATIENCE).until(() -> started(servers) >= 3);
            } catch (ConditionTimeoutException batched) {
                fail(String.format("Expecting the next download to start as soon as %s finished, while %s still held"
                        + " the other of the 2 permits,%nbut none had started %d s later: the others waited for %s"
                        + " although a permit was free.%nStart the next download as soon as a permit is free, not"
                        + " batch by batch.%nThe pages: %s%nTimeline:%n%s",
                        done, holding, Futures.PATIENCE.toSeconds(), holding, states(servers), timeline(servers)));
            }
            servers.values().forEach(FakeRemote::release);
            assertThat(Futures.valueOf("downloadAll(/a, /b, /c, /d)", pages)).isEqualTo(pagesOf(urls));
        } finally {
            servers.values().forEach(FakeRemote::release);
        }
    }

    /** The pages whose download is in flight once {@code count} are, or when patience runs out. */
    private static List<String> awaitRunning(Map<String, FakeRemote> servers, int count) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> running(servers).size() >= count);
        } catch (ConditionTimeoutException fewer) {
            // The caller says how many did start.
        }
        return running(servers);
    }

    private static List<String> running(Map<String, FakeRemote> servers) {
        return servers.entrySet().stream()
                .filter(page -> page.getValue().log().startOf(page.getKey()).isPresent()
                        && page.getValue().log().endOf(page.getKey()).isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static long started(Map<String, FakeRemote> servers) {
        return servers.entrySet().stream()
                .filter(page -> page.getValue().log().startOf(page.getKey()).isPresent())
                .count();
    }

    private static String timeline(Map<String, FakeRemote> servers) {
        return CallLog.timelineOfAll(servers.values().stream().map(FakeRemote::log).toList());
    }

    private static String states(Map<String, FakeRemote> servers) {
        return servers.entrySet().stream()
                .map(page -> page.getKey() + " " + state(page.getValue().log(), page.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String state(CallLog log, String url) {
        if (log.endOf(url).isPresent()) {
            return "finished";
        }
        return log.startOf(url).isPresent() ? "downloading" : "not started";
    }

    @Test
    @Order(2)
    @DisplayName("task 2 · two downloadAll calls at the same time share the limit: never more than 2 at once in all")
    @Hint("Task 2: make the Semaphore once, in the constructor, not in downloadAll: the server's limit is per client,"
            + " whatever the number of calls.")
    void twoCallsShareTheLimit() {
        FakeRemote server = server().rendezvous(3).build();
        BoundedDownloads downloads = new BoundedDownloads(server::fetch, pool, 2);

        CompletableFuture<List<String>> first = downloads.downloadAll(List.of("/a", "/b", "/c"));
        CompletableFuture<List<String>> second = downloads.downloadAll(List.of("/d", "/e", "/f"));
        Futures.valueOf("the first downloadAll", first);
        Futures.valueOf("the second downloadAll", second);

        if (server.log().peakInFlight() > 2) {
            fail(String.format("Expecting at most 2 downloads at once for both calls together,%n"
                    + "but %d ran at once: each call kept a limit of its own.%nTimeline:%n%s",
                    server.log().peakInFlight(), server.log().timeline()));
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 1 · the downloads run on the pool the object was given")
    @Hint("Task 1: pass the pool to supplyAsync as its second argument; without it, the JVM's common pool runs them.")
    void downloadsRunOnTheGivenPool() {
        FakeRemote server = server().latency(Duration.ofMillis(20)).build();

        Futures.valueOf("downloadAll(/a, /b)", new BoundedDownloads(server::fetch, pool, 2).downloadAll(List.of("/a", "/b")));

        List<String> threads = server.log().events().stream()
                .filter(e -> e.kind() == CallEvent.Kind.STARTED).map(CallEvent::thread).toList();
        assertThat(threads)
                .withFailMessage("Expecting every download on a thread of the given pool (%s…),%nbut they ran on %s.",
                        POOL, threads)
                .isNotEmpty()
                .allMatch(thread -> thread.startsWith(POOL));
    }

    @Test
    @Order(4)
    @DisplayName("task 2 · when the pool is shut down, a download still waiting for a permit stops, and the future fails with a CancellationException")
    @Hint("Task 2: permits.acquire() throws InterruptedException when the pool is shut down (shutdownNow interrupts):"
            + " restore the flag and throw a CancellationException instead of waiting on.")
    void aWaitingDownloadStopsWhenThePoolIsShutDown() {
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        // Whichever download gets the only permit holds it and ignores interrupts, so the other is the one that must
        // stop: it waits for the permit when the pool is shut down.
        CallRecorder downloads = new CallRecorder();
        Downloader downloader = url -> downloads.call(url, () -> {
            started.countDown();
            while (true) {
                try {
                    finish.await();
                    return "page " + url;
                } catch (InterruptedException ignored) {
                    // keeps the permit until the check lets it go
                }
            }
        });
        ExecutorService own = Executors.newCachedThreadPool(BoundedDownloadsTest.poolThreads());
        try {
            CompletableFuture<List<String>> pages = new BoundedDownloads(downloader, own, 1).downloadAll(List.of("/first", "/second"));
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> started.getCount() == 0);
            own.shutdownNow();
            finish.countDown();

            Throwable failure;
            try {
                failure = Futures.failureOf("downloadAll(/first, /second) after the pool was shut down", pages);
            } catch (AssertionError notFailed) {
                throw new AssertionError(String.format("%s%nTimeline of the downloads:%n%s", notFailed.getMessage(),
                        downloads.log().timeline()), notFailed);
            }
            assertThat(failure)
                    .withFailMessage("Expecting downloadAll to fail with a CancellationException for the download that was"
                            + " still waiting for a permit when the pool was shut down,%nbut it failed with%n    %s%nTimeline of the"
                            + " downloads (the pool was shut down while one of them held the only permit):%n%s",
                            failure, downloads.log().timeline())
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            finish.countDown();
            own.shutdownNow();
        }
    }
}
