package awaitlings.http;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static awaitlings.http.PageFetcherTest.fetchAllOf;
import static awaitlings.http.PageFetcherTest.fetcher;
import static awaitlings.http.PageFetcherTest.routes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import awaitlings.harness.CallerThread;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.LocalHttpServer;
import awaitlings.harness.Route;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("11 · async HTTP · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageFetcherHiddenTest {

    @Test
    @Order(1)
    @DisplayName("task 2 · every status from 200 to 299 is a success (204 gives an empty body); 300 and 500 fail with their status")
    @Hint("Task 2: success is the whole 2xx range: statusCode() >= 200 && statusCode() <= 299, not only 200.")
    void theWholeTwoHundredsAreSuccess() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/created").status(201).body("made"),
                Route.at("/empty").status(204).body(""), Route.at("/odd").status(299).body("odd"),
                Route.at("/moved").status(300), Route.at("/broken").status(500))) {
            PageFetcher fetcher = fetcher();

            assertThat(Futures.valueOf("fetch(/created), a 201", fetcher.fetch(server.uri("/created")))).isEqualTo("made");
            assertThat(Futures.valueOf("fetch(/empty), a 204", fetcher.fetch(server.uri("/empty")))).isEmpty();
            assertThat(Futures.valueOf("fetch(/odd), a 299", fetcher.fetch(server.uri("/odd")))).isEqualTo("odd");
            for (var failing : List.of("/moved", "/broken")) {
                Throwable failure = Futures.failureOf("fetch(" + failing + ")", fetcher.fetch(server.uri(failing)));
                assertThat(failure)
                        .withFailMessage("Expecting fetch(%s) to fail with an HttpStatusException,%nbut it failed with%n    %s",
                                failing, failure)
                        .isInstanceOf(HttpStatusException.class);
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("task 4 · when a page fails, fetchAll throws a CompletionException whose cause is that page's failure")
    @Hint("Task 4: join() each page's future in order: it throws a CompletionException around the page's failure.")
    void fetchAllFailsWithThePagesFailure() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/a"), Route.at("/gone").status(404), Route.at("/b"))) {
            Throwable thrown = catchThrowable(() -> fetchAllOf(server, List.of("/a", "/gone", "/b"), 2));
            if (thrown instanceof UnsupportedOperationException unsolved) {
                throw unsolved;
            }

            assertThat(thrown)
                    .withFailMessage("Expecting fetchAll to throw a CompletionException caused by /gone's HttpStatusException,"
                            + "%nbut it threw%n    %s", thrown == null ? "nothing" : thrown)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(HttpStatusException.class);
            assertThat(((HttpStatusException) thrown.getCause()).uri()).isEqualTo(server.uri("/gone"));
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 4 · with a limit above the number of pages, fetchAll sends all 3 at once")
    @Hint("Task 4: the permits limit the requests in flight; they do not make them wait for each other.")
    void aHighLimitSendsEveryPageAtOnce() {
        List<String> paths = List.of("/x", "/y", "/z");
        try (LocalHttpServer server = LocalHttpServer.withRendezvous(3, routes(paths))) {
            fetchAllOf(server, paths, 10);

            assertThat(server).peakedAt(3).receivedEachOnce(paths);
        }
    }

    @Test
    @Order(4)
    @DisplayName("task 4 · a caller interrupted while it waits to send gets a CancellationException and keeps its interrupt")
    @Hint("Task 4: permits.acquire() throws InterruptedException: restore the flag with Thread.currentThread().interrupt()"
            + " and throw a CancellationException.")
    void anInterruptedCallerStops() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/held").held(), Route.at("/next"))) {
            List<URI> uris = List.of(server.uri("/held"), server.uri("/next"));
            // A time limit far beyond the patience: the held request must not end by itself while the check waits.
            PageFetcher patient = new PageFetcher(PageFetcherTest.CLIENT, Duration.ofMinutes(1));
            CallerThread<String> caller = CallerThread.start("fetchAll()", () -> {
                try {
                    return "returned " + patient.fetchAll(uris, 1);
                } catch (CancellationException stopped) {
                    return "stopped";
                } catch (RuntimeException other) {
                    return "threw " + other;
                }
            });
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> server.log().calls() >= 1);
            caller.interrupt();

            String outcome = caller.result(() -> String.format("Expecting fetchAll to stop waiting for a permit when its"
                    + " caller was interrupted,%nbut it was still waiting %d s later.%nTimeline of the server's"
                    + " requests:%n%s", Futures.PATIENCE.toSeconds(), server.log().timelineUntilNow()));
            server.release();
            assertThat(outcome)
                    .withFailMessage("Expecting an interrupted fetchAll to throw a CancellationException,%nbut it gave %s.", outcome)
                    .isEqualTo("stopped");
            assertThat(caller.endedInterrupted())
                    .withFailMessage("Expecting the caller's interrupt status to be kept after fetchAll gave up,%n"
                            + "but it was cleared: call Thread.currentThread().interrupt() before throwing.")
                    .isTrue();
        }
    }
}
