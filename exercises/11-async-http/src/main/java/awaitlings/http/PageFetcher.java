package awaitlings.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches pages over real HTTP with the JDK's {@link HttpClient}, the Java side of an aiohttp {@code fetch_all}:
 * requests are sent without blocking, a status that is not a success becomes a clear exception, every request has a
 * time limit, and many pages are fetched with at most a given number of requests in flight.
 */
public class PageFetcher {

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param client  sends the requests
     * @param timeout how long each request may wait for its response
     */
    public PageFetcher(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Task 1 to 3 · sends a GET for {@code uri} and returns at once with the future of the body. A status outside
     * 200–299 fails the future with an {@link HttpStatusException}; no response within the time limit fails it with
     * a {@link java.net.http.HttpTimeoutException}.
     *
     * <pre>{@code fetcher.fetch(URI.create("http://127.0.0.1:8080/a")).join()   // "body of /a"}</pre>
     */
    public CompletableFuture<String> fetch(URI uri) {
        // TODO: task 1 — build a GET request (HttpRequest.newBuilder(uri)) and send it with client.sendAsync(request,
        //  BodyHandlers.ofString()); turn the response into its body.
        // TODO: task 2 — a response whose status is not 2xx is a failure: throw new HttpStatusException(status, uri).
        // TODO: task 3 — give the request its time limit: HttpRequest.Builder.timeout(timeout).
        throw new UnsupportedOperationException("Implement PageFetcher.fetch() — tasks 1 to 3");
    }

    /**
     * Task 4 · the bodies of every page, in the order of {@code uris}, with at most {@code limit} requests in flight
     * at once (and exactly {@code limit} while pages wait). Waits until every page is there. If a request fails,
     * throws a {@link java.util.concurrent.CompletionException} whose cause is that request's failure. A caller
     * interrupted while it waits to send gets a {@link java.util.concurrent.CancellationException} and keeps its
     * interrupt status.
     *
     * <pre>{@code fetcher.fetchAll(uris, 2)   // 2 requests at a time, the bodies in the order of uris}</pre>
     */
    public List<String> fetchAll(List<URI> uris, int limit) {
        // TODO: task 4 — take a permit (a Semaphore of `limit`) before each fetch and give it back when that fetch's
        //  future completes, however it completes; then wait for the futures in the order of the uris.
        throw new UnsupportedOperationException("Implement PageFetcher.fetchAll() — task 4");
    }
}
