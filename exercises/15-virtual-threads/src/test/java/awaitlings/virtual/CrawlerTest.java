package awaitlings.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallEvent;
import awaitlings.harness.CallLog;
import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 * The catalog is a fake server that logs every request, with the thread that made it and whether that thread was
 * virtual. "At the same time" is decided by holding every request until the expected number have started: a crawler
 * that cannot have them all in flight at once never gets there.
 */
@DisplayName("15 · virtual threads")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerTest {

    // The fixtures without `private` are shared with CrawlerHiddenTest (same package).
    /** The threads that made requests, told apart by identity (virtual threads have no names). */
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("task 1 · 10 000 fetches of 100 ms are all in flight at the same moment, and fetchAll gives the pages in order")
    @Hint("Task 1: one virtual thread per fetch — try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor())"
            + " — submit every fetch, then get() each Future in order. A pool of platform threads runs only as many"
            + " fetches as it has threads.")
    void tenThousandAtOnce() {
        FakeRemote catalog = catalog().latency(Duration.ofMillis(100)).held().build();
        List<String> paths = paths(10_000);
        CallerThread<List<String>> crawling = crawl(catalog, crawler -> crawler.fetchAll(paths));
        try {
            awaitInFlight(catalog, 10_000, "fetchAll of 10 000 pages");
        } finally {
            catalog.release();
        }
        List<String> pages = returned(crawling);

        assertThat(pages).withFailMessage("Expecting the 10 000 pages in the order of the paths,%nbut got %s.",
                summary(pages)).isEqualTo(pagesOf(paths));
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 1 · each fetch runs on a virtual thread of its own")
    @Hint("Task 1: Executors.newVirtualThreadPerTaskExecutor() starts a new virtual thread for each task you submit."
            + " Thread.ofVirtual().start(...) does it by hand.")
    void eachFetchHasAVirtualThread() {
        FakeRemote catalog = catalog().latency(Duration.ofMillis(10)).build();
        List<String> paths = paths(100);

        returned(crawl(catalog, crawler -> crawler.fetchAll(paths)));

        ranOnVirtualThreads(catalog, 100);
    }

    @Test
    @Order(3)
    @Points(3)
    @DisplayName("task 2 · with a limit of 50, exactly 50 of 1000 fetches run at once, each on a virtual thread of its own: a semaphore, not a pool")
    @Hint("Task 2: keep one virtual thread per fetch, and bound them with a Semaphore(limit): acquire() before the fetch,"
            + " release() in a finally block. A pool of 50 (virtual) threads also runs 50 at once, but pools what costs nothing.")
    void aSemaphoreBoundsTheFetches() {
        FakeRemote catalog = catalog().latency(Duration.ofMillis(20)).held().build();
        List<String> paths = paths(1000);
        CallerThread<List<String>> crawling = crawl(catalog, crawler -> crawler.fetchAll(paths, 50));
        try {
            awaitInFlight(catalog, 50, "fetchAll of 1000 pages with a limit of 50");
            startNoMore(catalog, 50);
        } finally {
            catalog.release();
        }
        List<String> pages = returned(crawling);

        assertThat(catalog.log().peakInFlight()).withFailMessage("Expecting at most 50 fetches at once, the limit,%n"
                + "but %d were in flight at one moment: nothing held the others back.%nTake a permit of a"
                + " Semaphore(limit) before each fetch.", catalog.log().peakInFlight()).isEqualTo(50);
        assertThat(pages).withFailMessage("Expecting the 1000 pages in the order of the paths,%nbut got %s.",
                summary(pages)).isEqualTo(pagesOf(paths));
        ranOnVirtualThreads(catalog, 1000);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · when a fetch fails, fetchAll throws an ExecutionException with that failure, once the other fetches have ended")
    @Hint("Task 3: get() on the failed fetch throws the ExecutionException you pass on; try-with-resources around the"
            + " executor waits for the other fetches before it lets the exception go.")
    void aFailureWaitsForTheOthers() {
        IllegalStateException gone = new IllegalStateException("catalog: 410 Gone");
        FakeRemote fast = catalog().failOn("/gone", () -> gone).build();
        FakeRemote slow = catalog().latency(Duration.ofMillis(300)).build();
        Catalog both = path -> path.equals("/slow") ? slow.fetch(path) : fast.fetch(path);

        Throwable thrown = catchThrowable(() -> returned(crawl(both, crawler -> crawler.fetchAll(List.of("/gone", "/slow")))));

        Throwable cause = thrown == null ? null : thrown.getCause();
        if (!(cause instanceof ExecutionException) || cause.getCause() != gone) {
            fail(String.format("Expecting fetchAll to throw an ExecutionException whose cause is%n    %s%nbut it %s.", gone,
                    thrown == null ? "returned" : "threw " + (cause instanceof ExecutionException ? cause : thrown)));
        }
        assertThat(slow.log().endOf("/slow")).withFailMessage("Expecting fetchAll to throw only once the other fetch"
                + " (/slow, 300 ms) had ended,%nbut /slow was still running: it outlives the call that started it.%n"
                + "Close the executor (try-with-resources) before the exception leaves fetchAll.%n"
                + "Timeline when fetchAll threw:%n%s", CallLog.timelineOfAll(List.of(fast.log(), slow.log()))).isPresent();
    }

    // ---- the catalog and the crawls ------------------------------------------------------------------------------

    /** The catalog server: the page at "/p/1" is "page /p/1". */
    static FakeRemote.Builder catalog() {
        return FakeRemote.named("catalog").respond(path -> "page " + path);
    }

    static List<String> paths(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "/p/" + i).toList();
    }

    static List<String> pagesOf(List<String> paths) {
        return paths.stream().map(path -> "page " + path).toList();
    }

    /** What a check does with a crawler. */
    @FunctionalInterface
    interface Crawl {
        List<String> on(Crawler crawler) throws Exception;
    }

    /** Starts {@code crawl} on a thread of its own, with a catalog that notes the thread of every request. */
    CallerThread<List<String>> crawl(FakeRemote catalog, Crawl crawl) {
        return crawl(catalog::fetch, crawl);
    }

    CallerThread<List<String>> crawl(Catalog catalog, Crawl crawl) {
        Crawler crawler = new Crawler(path -> {
            threads.add(Thread.currentThread());
            return catalog.get(path);
        });
        return CallerThread.start("fetchAll()", () -> crawl.on(crawler));
    }

    static List<String> returned(CallerThread<List<String>> crawling) {
        return crawling.result(() -> String.format("Expecting fetchAll to return once every page had come,%n"
                + "but it was still running %d s later.", Futures.PATIENCE.toSeconds()));
    }

    static void awaitInFlight(FakeRemote catalog, int count, String what) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> catalog.log().calls() >= count);
        } catch (ConditionTimeoutException tooFew) {
            fail(String.format("Expecting %s to have %d fetches in flight at once,%nbut %d s later only %d had started:"
                    + " the others wait for a thread. Platform threads are few and costly, so a pool of them runs only"
                    + " as many fetches as it has threads.%nGive each fetch a virtual thread of its own:"
                    + " Executors.newVirtualThreadPerTaskExecutor().%nTimeline:%n%s", what, count, Futures.PATIENCE.toSeconds(),
                    catalog.log().calls(), catalog.log().timelineUntilNow()));
        }
    }

    /**
     * Fails as soon as more than {@code limit} fetches start within 300 ms: fetches beyond the limit would start at
     * once, while the held ones cannot end meanwhile.
     */
    static void startNoMore(FakeRemote catalog, int limit) {
        try {
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> catalog.log().calls() <= limit);
        } catch (ConditionTimeoutException startedMore) {
            fail(String.format("Expecting at most %d fetches at once, the limit,%nbut %d started while the first %d were"
                    + " held: nothing held the others back.%nTake a permit of a Semaphore(limit) before each fetch."
                    + "%nTimeline:%n%s", limit, catalog.log().calls(), limit, catalog.log().timelineUntilNow()));
        }
    }

    void ranOnVirtualThreads(FakeRemote catalog, int fetches) {
        List<String> platform = catalog.log().events().stream()
                .filter(e -> e.kind() == CallEvent.Kind.STARTED && !e.virtual())
                .map(e -> e.key() + " on \"" + e.thread() + "\"").limit(3).toList();
        if (!platform.isEmpty()) {
            fail(String.format("Expecting every fetch to run on a virtual thread,%nbut some ran on platform threads: %s%s.",
                    String.join(", ", platform), platform.size() < 3 ? "" : ", …"));
        }
        assertThat(threads.size()).withFailMessage("Expecting each of the %d fetches to run on a virtual thread of its"
                + " own,%nbut they ran on only %d threads: a pool of virtual threads. A virtual thread costs about as"
                + " much as an object: make one per fetch, and let a Semaphore bound how many fetch at once.",
                fetches, threads.size()).isEqualTo(fetches);
    }

    static String summary(List<String> pages) {
        return pages == null ? "null" : pages.size() + " pages, starting " + pages.stream().limit(3).collect(Collectors.toList());
    }
}
