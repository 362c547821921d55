package awaitlings.harness;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link LocalHttpServer} answers on one path: a status, a body, and how long it takes.
 *
 * <pre>{@code Route.at("/slow").body("late").latency(Duration.ofSeconds(30))}</pre>
 *
 * @param path    the path it answers, e.g. {@code "/a"}
 * @param status  the HTTP status, 200 unless set
 * @param body    the body, sent as UTF-8 text
 * @param latency how long the server takes before it answers
 * @param waits   whether it waits for {@link LocalHttpServer#release()} before its latency
 */
public record Route(String path, int status, String body, Duration latency, boolean waits) {

    public Route {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /, but was " + path);
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is between 100 and 599, but was " + status);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, but was " + latency);
        }
    }

    /** A route that answers 200 with the body {@code "body of <path>"} at once. */
    public static Route at(String path) {
        return new Route(path, 200, "body of " + path, Duration.ZERO, false);
    }

    public Route status(int code) {
        return new Route(path, code, body, latency, waits);
    }

    public Route body(String text) {
        return new Route(path, status, text, latency, waits);
    }

    public Route latency(Duration time) {
        return new Route(path, status, body, time, waits);
    }

    /** Waits for {@link LocalHttpServer#release()} before it answers: "the reply is not there yet". */
    public Route held() {
        return new Route(path, status, body, latency, true);
    }
}
