package awaitlings.bounded;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("07 · bounded concurrency")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedDownloadsTest {

    // The fixtures without `private` are shared with BoundedDownloadsHiddenTest (same package).
    static final Duration LATENCY = Duration.ofMillis(100);
    static final String POOL = "download-pool-";

    /** More threads than any limit here, so that only the code's own limit can keep downloads apart. */
    final ExecutorService pool = Executors.newCachedThreadPool(poolThreads());

    @AfterEach
    void closePool() {
        pool.shutdownNow();
    }

    @Test
    @Order(1)
    @DisplayName("task 1 · downloadAll returns at once, and then gives every page in the order of the urls")
    @Hint("Task 1: start each download with CompletableFuture.supplyAsync(() -> ..., pool), collect the futures into"
            + " a List, and gather them with allOf; return that future without waiting for it.")
    void downloadAllReturnsAtOnceWithThePagesInOrder() {
        FakeRemote server = server().held().build();
        List<String> urls = List.of("/a", "/b", "/c");
        try {
            CompletableFuture<List<String>> pages = NonBlocking.returnsWhileHeld("downloadAll(/a, /b, /c)",
                    () -> new BoundedDownloads(server::fetch, pool, 3).downloadAll(urls));
            server.release();
            List<String> answer = Futures.valueOf("downloadAll(/a, /b, /c)", pages);
            assertThat(answer)
                    .withFailMessage("Expecting the pages in the order of the urls:%n    %s%nbut got:%n    %s",
                            pagesOf(urls), answer)
                    .isEqualTo(pagesOf(urls));
        } finally {
            server.release();
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 2 · with a limit of 2, never more than 2 of 6 downloads run at once")
    @Hint("Task 2: a Semaphore(limit) made once in the constructor; each download calls permits.acquire() before it"
            + " calls the downloader and permits.release() after.")
    void neverMoreThanTheLimit() {
        // Three downloads would meet here at once if nothing held the third back; two wait a second and go on.
        FakeRemote server = server().rendezvous(3).build();
        List<String> urls = List.of("/a", "/b", "/c", "/d", "/e", "/f");

        Futures.valueOf("downloadAll of 6 pages", new BoundedDownloads(server::fetch, pool, 2).downloadAll(urls));

        assertThat(server).wasCalled(6);
        if (server.log().peakInFlight() > 2) {
            fail(String.format("Expecting at most 2 downloads at once, the limit,%nbut %d ran at once: nothing held the"
                    + " others back.%nTake a permit before each download: a Semaphore(limit) shared by all of them.%n"
                    + "Timeline:%n%s", server.log().peakInFlight(), server.log().timeline()));
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 2 · with a limit of 3, exactly 3 of 6 downloads run at once while the others wait")
    @Hint("Task 2: the semaphore gets as many permits as the limit — new Semaphore(limit) — and the permits are"
            + " taken per download, not once around all of them.")
    void exactlyTheLimitWhileWorkWaits() {
        FakeRemote server = server().rendezvous(3).build();
        List<String> urls = List.of("/a", "/b", "/c", "/d", "/e", "/f");

        Futures.valueOf("downloadAll of 6 pages", new BoundedDownloads(server::fetch, pool, 3).downloadAll(urls));

        assertThat(server).wasCalled(6);
        if (server.log().peakInFlight() != 3) {
            fail(String.format("Expecting exactly 3 downloads at once while pages waited, the limit,%n"
                    + "but at most %d ran at once: %s%nTimeline:%n%s", server.log().peakInFlight(),
                    server.log().peakInFlight() < 3 ? "the limit holds some back that it should let run (one permit"
                            + " per download, and limit permits in all)."
                            : "more ran than the limit allows.", server.log().timeline()));
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · a failed download fails downloadAll with its own exception, and gives its permit back")
    @Hint("Task 3: give the permit back in a finally block — try { return downloader.download(url); }"
            + " finally { permits.release(); } — so a download that throws gives it back too.")
    void aFailedDownloadGivesItsPermitBack() {
        IllegalStateException broken = new IllegalStateException("/broken: connection reset");
        FakeRemote before = server().rendezvous(2).build();
        FakeRemote failing = server().failOn("/broken", () -> broken).build();
        FakeRemote after = server().rendezvous(2).build();
        BoundedDownloads downloads = new BoundedDownloads(url -> url.startsWith("/before") ? before.fetch(url)
                : url.startsWith("/after") ? after.fetch(url) : failing.fetch(url), pool, 2);

        Futures.valueOf("downloadAll(/before-1, /before-2)", downloads.downloadAll(List.of("/before-1", "/before-2")));
        Throwable failure = Futures.failureOf("downloadAll(/broken)", downloads.downloadAll(List.of("/broken")));
        Futures.valueOf("downloadAll(/after-1, /after-2) after a failed download",
                downloads.downloadAll(List.of("/after-1", "/after-2")));

        assertThat(failure)
                .withFailMessage("Expecting downloadAll(/broken) to fail with the download's own exception%n    %s%n"
                        + "but it failed with%n    %s", broken, failure)
                .isSameAs(broken);
        if (before.log().peakInFlight() == 2 && after.log().peakInFlight() < 2) {
            fail(String.format("Expecting 2 downloads at once after a failed one, as before it,%n"
                    + "but only 1 ran at a time afterwards: the failed download never gave its permit back.%n"
                    + "Release the permit in a finally block.%nAfter the failure:%n%s", after.log().timeline()));
        }
        assertThat(before).ranConcurrently(2);
    }

    // ---- the server and the pool ---------------------------------------------------------------------------------

    /** The download server, as a fake whose page for a url is "page <url>". */
    static FakeRemote.Builder server() {
        return FakeRemote.named("download server").latency(LATENCY).respond(url -> "page " + url);
    }

    static List<String> pagesOf(List<String> urls) {
        return urls.stream().map(url -> "page " + url).toList();
    }

    /** Names the pool's threads, so a check can tell who downloaded a page. */
    static ThreadFactory poolThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> new Thread(work, POOL + count.incrementAndGet());
    }
}
