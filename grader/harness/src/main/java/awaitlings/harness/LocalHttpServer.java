package awaitlings.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real HTTP server for tests, the JDK's {@link HttpServer} on the loopback address (127.0.0.1) and a port the
 * system picks, so no test reaches any other address. Each path answers as its {@link Route} says. The server counts
 * what it saw in a {@link CallLog} keyed by path: requests, their order, and the peak of requests in flight at once,
 * measured on the server's side of the wire.
 *
 * <pre>{@code
 * try (LocalHttpServer server = LocalHttpServer.start(Route.at("/a"), Route.at("/gone").status(404))) {
 *     client.sendAsync(HttpRequest.newBuilder(server.uri("/a")).build(), BodyHandlers.ofString());
 * }
 * }</pre>
 */
public final class LocalHttpServer implements AutoCloseable {

    /** How long a held request waits for {@link #release()} before it gives up. */
    static final Duration HOLD_GUARD = Duration.ofSeconds(30);
    private static final Duration RENDEZVOUS_GUARD = Duration.ofSeconds(1);

    private final Map<String, Route> routes;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final CallLog log = new CallLog();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Rendezvous rendezvous;
    private final int parties;

    private LocalHttpServer(Map<String, Route> routes, int parties) throws IOException {
        this.routes = routes;
        this.parties = parties;
        this.rendezvous = parties > 1 ? new Rendezvous(parties, RENDEZVOUS_GUARD) : null;
        AtomicInteger count = new AtomicInteger();
        // A thread per request, so that the server never limits how many run at once: the client's code must.
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server that answers these routes, and 404 on any other path. */
    public static LocalHttpServer start(Route... routes) {
        return start(0, routes);
    }

    /**
     * Starts a server whose requests each wait until {@code parties} have arrived (or one second has passed) before
     * they are answered, so that a peak-in-flight proof survives a loaded machine.
     */
    public static LocalHttpServer withRendezvous(int parties, Route... routes) {
        if (parties < 2) {
            throw new IllegalArgumentException("a rendezvous needs at least 2 parties, but was " + parties);
        }
        return start(parties, routes);
    }

    private static LocalHttpServer start(int parties, Route... routes) {
        try {
            return new LocalHttpServer(Arrays.stream(routes).collect(Collectors.toUnmodifiableMap(Route::path,
                    Function.identity())), parties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local HTTP server", e);
        }
    }

    /** The address of {@code path} on this server, e.g. {@code http://127.0.0.1:41234/a}. */
    public URI uri(String path) {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }

    /** What the server saw so far: one call per request, keyed by its path. */
    public CallLog log() {
        return log;
    }

    /** How many requests arrived for {@code path}. */
    public int requests(String path) {
        return (int) log.startOrder().stream().filter(path::equals).count();
    }

    /** How many requests wait at the rendezvous, or zero when there is none. */
    int parties() {
        return parties;
    }

    /** Lets every held request go on (see {@link Route#held()}). */
    public void release() {
        release.countDown();
    }

    /** Stops the server at once; requests still being answered are interrupted. */
    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Route route = routes.getOrDefault(path, Route.at(path).status(404).body("no route for " + path));
        log.started(path);
        try {
            if (route.waits() && !release.await(HOLD_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                log.ended(path, CallEvent.Kind.FAILED);
                exchange.close();
                return;
            }
            if (rendezvous != null) {
                rendezvous.arrive();
            }
            Thread.sleep(route.latency().toMillis());
        } catch (InterruptedException e) {
            log.ended(path, CallEvent.Kind.INTERRUPTED);
            exchange.close();
            return;
        }
        // Counted as ended before the reply leaves, so that a client which starts its next request on this reply
        // is never seen as one more request in flight.
        log.ended(path, CallEvent.Kind.RETURNED);
        byte[] body = route.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(route.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
