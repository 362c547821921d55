package awaitlings.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/** Correct, in another style: `limit` workers, each sending its next page when its last one is done; no Semaphore. */
public class PageFetcher {

    private final HttpClient client;
    private final Duration timeout;

    public PageFetcher(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public CompletableFuture<String> fetch(URI uri) {
        return client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    int status = response.statusCode();
                    if (status / 100 != 2) {
                        throw new HttpStatusException(status, uri);
                    }
                    return response.body();
                });
    }

    public List<String> fetchAll(List<URI> uris, int limit) {
        ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
        IntStream.range(0, uris.size()).forEach(next::add);
        AtomicReferenceArray<String> bodies = new AtomicReferenceArray<>(uris.size());
        CompletableFuture<?>[] workers = IntStream.range(0, Math.min(limit, uris.size()))
                .mapToObj(worker -> work(uris, next, bodies)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(workers).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fetchAll was interrupted");
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        }
        return IntStream.range(0, uris.size()).mapToObj(bodies::get).toList();
    }

    private CompletableFuture<Void> work(List<URI> uris, ConcurrentLinkedQueue<Integer> next, AtomicReferenceArray<String> bodies) {
        Integer index = next.poll();
        if (index == null) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(uris.get(index)).thenCompose(body -> {
            bodies.set(index, body);
            return work(uris, next, bodies);
        });
    }
}
