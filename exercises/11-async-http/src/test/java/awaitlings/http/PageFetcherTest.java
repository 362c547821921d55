package awaitlings.http;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.AsyncRules;
import awaitlings.harness.CallerThread;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.LocalHttpServer;
import awaitlings.harness.NonBlocking;
import awaitlings.harness.Points;
import awaitlings.harness.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real HTTP server runs inside the test, on 127.0.0.1 and a port the system picks: no request leaves the machine.
 * It counts the requests in flight on its own side of the wire, so "at most 2 at once" is what the server saw.
 */
@DisplayName("11 · async HTTP")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageFetcherTest {

    // The fixtures without `private` are shared with PageFetcherHiddenTest (same package).
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The time limit of the check that times out: far below the slow page's 30 s. */
    static final Duration TIME_LIMIT = Duration.ofMillis(500);
    /** The time limit everywhere else: far above what a page needs, even on a loaded machine and at a rendezvous. */
    static final Duration GENEROUS = Duration.ofSeconds(4);

    @Test
    @Order(1)
    @DisplayName("task 1 · fetch returns at once, before the server answers, and its future brings the page's body")
    @Hint("Task 1: client.sendAsync(request, BodyHandlers.ofString()) returns a future at once; thenApply(HttpResponse::body)"
            + " turns it into the body. The blocking client.send waits for the response.")
    void fetchReturnsAtOnce() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/held").held())) {
            CompletableFuture<String> page = NonBlocking.returnsFutureWhileHeld("fetch(/held)",
                    () -> fetcher().fetch(server.uri("/held")));
            assertThat(page.isDone()).withFailMessage("Expecting fetch(/held) to be open while the server holds its answer,"
                    + "%nbut it was already done: %s", page).isFalse();
            server.release();
            assertThat(Futures.valueOf("fetch(/held)", page)).isEqualTo("body of /held");
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 2 · a 404 fails the future with an HttpStatusException that names the status and the address")
    @Hint("Task 2: in thenApply, look at response.statusCode(): outside 200–299, throw new HttpStatusException(status, uri)."
            + " The HttpClient does not do that for you: a 404 is a response like any other.")
    void aNotFoundFailsClearly() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/gone").status(404).body("not here"))) {
            URI gone = server.uri("/gone");

            Throwable failure = Futures.failureOf("fetch(/gone)", fetcher().fetch(gone));

            assertThat(failure)
                    .withFailMessage("Expecting fetch(/gone) to fail with an HttpStatusException, as the server answered 404,"
                            + "%nbut it failed with%n    %s", failure)
                    .isInstanceOf(HttpStatusException.class);
            HttpStatusException status = (HttpStatusException) failure;
            assertThat(status.status()).as("the status in the HttpStatusException").isEqualTo(404);
            assertThat(status.uri()).as("the address in the HttpStatusException").isEqualTo(gone);
            assertThat(status).as("the HttpStatusException's message").hasMessage("GET " + gone + " answered 404");
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 3 · a request that gets no answer within its time limit fails with an HttpTimeoutException")
    @Hint("Task 3: HttpRequest.newBuilder(uri).timeout(timeout).build() — the client then fails the future with an"
            + " HttpTimeoutException when no response came in time.")
    void aSlowPageTimesOut() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/slow").latency(Duration.ofSeconds(30)))) {
            CompletableFuture<String> page = new PageFetcher(CLIENT, TIME_LIMIT).fetch(server.uri("/slow"));

            if (!Futures.settles(page)) {
                fail(String.format("Expecting fetch(/slow) to give up after its time limit, %d ms,%nbut it was still"
                        + " waiting %d s later for a server that takes 30 s: the request has no time limit.%n"
                        + "Timeline of the server's requests:%n%s",
                        TIME_LIMIT.toMillis(), Futures.PATIENCE.toSeconds(), server.log().timelineUntilNow()));
            }
            Throwable failure = Futures.failureOf("fetch(/slow)", page);
            assertThat(failure)
                    .withFailMessage("Expecting fetch(/slow) to fail with an HttpTimeoutException,%nbut it failed with%n    %s",
                            failure)
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    @Order(4)
    @Points(3)
    @DisplayName("task 4 · fetchAll of 6 pages with a limit of 2: the server sees exactly 2 requests at once, and the bodies come in order")
    @Hint("Task 4: a Semaphore(limit); before each fetch permits.acquire(), and fetch(uri).whenComplete((body, failure)"
            + " -> permits.release()); then join the futures in the order of the uris.")
    void fetchAllKeepsTheLimit() {
        List<String> paths = IntStream.rangeClosed(1, 6).mapToObj(i -> "/page-" + i).toList();
        // Three requests would meet at the server if the limit let them; two wait a second there, together.
        try (LocalHttpServer server = LocalHttpServer.withRendezvous(3, routes(paths))) {
            List<String> bodies = fetchAllOf(server, paths, 2);

            assertThat(server).peakedAt(2).receivedEachOnce(paths);
            List<String> expected = paths.stream().map(path -> "body of " + path).toList();
            assertThat(bodies)
                    .withFailMessage("Expecting the bodies in the order of the pages:%n    %s%nbut got:%n    %s", expected, bodies)
                    .isEqualTo(expected);
        }
    }

    @Test
    @Order(5)
    @DisplayName("task 1 · requests go out with sendAsync, never with the blocking send")
    @Hint("Task 1: client.send(...) holds the calling thread until the response is there; sendAsync returns at once.")
    void sendsWithoutBlocking() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/a"))) {
            assertThat(Futures.valueOf("fetch(/a)", fetcher().fetch(server.uri("/a")))).isEqualTo("body of /a");
        }
        AsyncRules.check(PageFetcher.class, AsyncRules.NO_BLOCKING_HTTP);
    }

    // ---- the fetcher and the server ---------------------------------------------------------------------------

    static PageFetcher fetcher() {
        return new PageFetcher(CLIENT, GENEROUS);
    }

    static Route[] routes(List<String> paths) {
        return paths.stream().map(path -> Route.at(path).latency(Duration.ofMillis(50))).toArray(Route[]::new);
    }

    /**
     * Runs fetchAll on a thread of its own and waits at most {@link Futures#PATIENCE}, so that a fetchAll stuck on
     * permits it never gets back fails its check instead of the whole run. What it throws is rethrown as it is.
     */
    static List<String> fetchAllOf(LocalHttpServer server, List<String> paths, int limit) {
        List<URI> uris = paths.stream().map(server::uri).toList();
        return CallerThread.start("fetchAll()", () -> fetcher().fetchAll(uris, limit)).result(() -> String.format(
                "Expecting fetchAll of %d pages to be done,%nbut it was still waiting %d s later: permits that were never"
                + " given back?%nServer timeline:%n%s", paths.size(), Futures.PATIENCE.toSeconds(), server.log().timeline()));
    }
}
