package awaitlings.harness;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LocalHttpServer")
class LocalHttpServerTests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static CompletableFuture<HttpResponse<String>> get(LocalHttpServer server, String path) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(server.uri(path)).build(), BodyHandlers.ofString());
    }

    @Test
    @DisplayName("listens on the loopback address only, on a port the system picked, and answers each route as set")
    void routes() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/a"), Route.at("/gone").status(410).body("gone"))) {
            assertThat(server.uri("/a").getHost()).isEqualTo("127.0.0.1");
            assertThat(server.uri("/a").getPort()).isPositive();

            HttpResponse<String> a = get(server, "/a").join();
            HttpResponse<String> gone = get(server, "/gone").join();
            HttpResponse<String> unknown = get(server, "/nowhere").join();

            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("body of /a");
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.body()).isEqualTo("gone");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("no route for /nowhere");
            assertThat(server.requests("/a")).isEqualTo(1);
            assertThat(server).receivedEachOnce(List.of("/a", "/gone", "/nowhere"));
        }
    }

    @Test
    @DisplayName("counts the requests in flight at once on its own side, and a rendezvous makes them meet")
    void peak() {
        try (LocalHttpServer server = LocalHttpServer.withRendezvous(3,
                Route.at("/a").latency(Duration.ofMillis(50)), Route.at("/b"), Route.at("/c"))) {
            CompletableFuture.allOf(get(server, "/a"), get(server, "/b"), get(server, "/c")).join();
            assertThat(server.log().peakInFlight()).isEqualTo(3);
            assertThat(server).peakedAt(3);
            assertThatThrownBy(() -> assertThat(server).peakedAt(2))
                    .hasMessageStartingWith("Expecting the server to see exactly 2 requests in flight at once,");
        }
    }

    @Test
    @DisplayName("requests one after another peak at one")
    void oneAtATime() {
        try (LocalHttpServer server = LocalHttpServer.start(Route.at("/a"), Route.at("/b"))) {
            get(server, "/a").join();
            get(server, "/b").join();
            assertThat(server.log().peakInFlight()).isEqualTo(1);
            assertThat(server.log().startOrder()).containsExactly("/a", "/b");
        }
    }

    @Test
    @DisplayName("a held route answers once released; closing the server interrupts what is still being answered")
    void heldAndClosed() {
        LocalHttpServer server = LocalHttpServer.start(Route.at("/held").held(), Route.at("/slow").latency(Duration.ofSeconds(30)));
        try {
            CompletableFuture<HttpResponse<String>> held = get(server, "/held");
            get(server, "/slow");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.log().calls() == 2);
            assertThat(held).isNotDone();
            server.release();
            assertThat(held.join().body()).isEqualTo("body of /held");
        } finally {
            server.close();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.log().sawInterrupt("/slow"));
    }

    @Test
    @DisplayName("routes are checked when they are made")
    void eagerChecks() {
        assertThatThrownBy(() -> Route.at("a")).hasMessage("a path starts with /, but was a");
        assertThatThrownBy(() -> Route.at("/a").status(99)).hasMessage("an HTTP status is between 100 and 599, but was 99");
        assertThatThrownBy(() -> Route.at("/a").latency(Duration.ofMillis(-1)))
                .hasMessage("latency must not be negative, but was PT-0.001S");
        assertThatThrownBy(() -> LocalHttpServer.withRendezvous(1)).hasMessage("a rendezvous needs at least 2 parties, but was 1");
    }
}
