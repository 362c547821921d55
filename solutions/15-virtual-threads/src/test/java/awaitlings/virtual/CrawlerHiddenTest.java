package awaitlings.virtual;

import static awaitlings.virtual.CrawlerTest.awaitInFlight;
import static awaitlings.virtual.CrawlerTest.catalog;
import static awaitlings.virtual.CrawlerTest.pagesOf;
import static awaitlings.virtual.CrawlerTest.paths;
import static awaitlings.virtual.CrawlerTest.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.CallEvent;
import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("15 · virtual threads · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerHiddenTest {

    private final CrawlerTest crawls = new CrawlerTest();

    @Test
    @Order(1)
    @DisplayName("task 2 · with a limit of 1, the fetches run one at a time, and the pages still come in order")
    @Hint("Task 2: new Semaphore(limit) — the limit is the number of permits, whatever it is.")
    void aLimitOfOne() {
        FakeRemote catalog = catalog().latency(Duration.ofMillis(5)).build();
        List<String> paths = paths(20);

        List<String> pages = returned(crawls.crawl(catalog, crawler -> crawler.fetchAll(paths, 1)));

        assertThat(catalog.log().peakInFlight()).withFailMessage("Expecting one fetch at a time with a limit of 1,%n"
                + "but %d ran at once.%nTimeline:%n%s", catalog.log().peakInFlight(), catalog.log().timeline()).isEqualTo(1);
        assertThat(pages).isEqualTo(pagesOf(paths));
    }

    @Test
    @Order(2)
    @DisplayName("task 3 · interrupting fetchAll interrupts every fetch, and it throws InterruptedException once they have ended")
    @Hint("Task 3: get() throws InterruptedException when the caller is interrupted; closing the executor would then wait"
            + " for fetches nobody wants. Call threads.shutdownNow() first (it interrupts them), then let the exception go.")
    void anInterruptStopsEveryFetch() {
        FakeRemote catalog = catalog().held().build();
        CallerThread<List<String>> crawling = crawls.crawl(catalog, crawler -> crawler.fetchAll(paths(20)));
        Throwable thrown;
        try {
            awaitInFlight(catalog, 20, "fetchAll of 20 pages");
            crawling.interrupt();
            thrown = catchThrowable(() -> returned(crawling));
        } finally {
            catalog.release();
        }

        if (thrown == null || !(thrown.getCause() instanceof InterruptedException)) {
            fail(String.format("Expecting fetchAll to throw InterruptedException when its caller was interrupted,%n"
                    + "but it %s.", thrown == null ? "returned" : "threw " + thrown));
        }
        long interrupted = catalog.log().events().stream().filter(e -> e.kind() == CallEvent.Kind.INTERRUPTED).count();
        assertThat(interrupted).withFailMessage("Expecting all 20 fetches to be interrupted, and to have ended, when"
                + " fetchAll threw,%nbut %d had.%nTimeline:%n%s", interrupted, catalog.log().timeline()).isEqualTo(20);
    }

    @Test
    @Order(3)
    @DisplayName("task 3 · with a limit of 2, a fetch that fails gives its permit back: the next two still run at the same time")
    @Hint("Task 3: release() the permit in a finally block, so that a fetch that throws gives it back too.")
    void aFailedFetchGivesItsPermitBack() {
        IllegalStateException gone = new IllegalStateException("catalog: 410 Gone");
        FakeRemote fast = catalog().failOn("/gone", () -> gone).build();
        FakeRemote pair = catalog().latency(Duration.ofMillis(20)).rendezvous(2).build();
        Catalog both = path -> path.equals("/gone") ? fast.fetch(path) : pair.fetch(path);

        Throwable thrown = catchThrowable(() -> returned(crawls.crawl(both, crawler -> crawler.fetchAll(
                List.of("/gone", "/a", "/b", "/c", "/d"), 2))));

        if (thrown == null || !(thrown.getCause() instanceof ExecutionException) || thrown.getCause().getCause() != gone) {
            fail(String.format("Expecting fetchAll to throw an ExecutionException whose cause is%n    %s%nbut it %s.", gone,
                    thrown == null ? "returned" : "threw " + thrown));
        }
        awaitThePairOrItsEnd(pair);
        assertThat(pair.log().peakInFlight()).withFailMessage("Expecting 2 fetches at once after /gone failed, the limit,%n"
                + "but only %d ran at a time: the failed fetch kept its permit.%nTimeline:%n%s",
                pair.log().peakInFlight(), pair.log().timeline()).isEqualTo(2);
    }

    /**
     * A crawler that returns before its fetches end (another check's business) would be judged here before the pair
     * could meet: wait, within the patience, until two of them overlapped or all four ended.
     */
    private static void awaitThePairOrItsEnd(FakeRemote pair) {
        try {
            Awaitility.await().atMost(Futures.PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> pair.log().peakInFlight() >= 2 || pair.log().endOrder().size() >= 4);
        } catch (ConditionTimeoutException stillRunning) {
            // Judged on what the log shows by now; the message draws it.
        }
    }
}
