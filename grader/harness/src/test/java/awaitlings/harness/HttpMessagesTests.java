package awaitlings.harness;

import static awaitlings.harness.CallEvent.Kind.RETURNED;
import static awaitlings.harness.CallEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the local HTTP server's messages. */
@DisplayName("HttpMessages")
class HttpMessagesTests {

    private static final long MS = 1_000_000;

    private static final CallLog ONE_AT_A_TIME = CallLog.of(List.of(
            new CallEvent(STARTED, "/a", "local-http-1", false, 0, 1),
            new CallEvent(RETURNED, "/a", "local-http-1", false, 100 * MS, 0),
            new CallEvent(STARTED, "/b", "local-http-2", false, 101 * MS, 1),
            new CallEvent(RETURNED, "/b", "local-http-2", false, 201 * MS, 0)));

    @Test
    @DisplayName("requests one at a time where two were allowed, with the server's timeline")
    void oneAtATime() {
        assertThat(HttpMessages.shouldPeakAt(ONE_AT_A_TIME, 2, 2)).isEqualTo("""
                Expecting the server to see exactly 2 requests in flight at once,
                but it saw at most 1: the requests went one at a time. Let up to the limit run at once.
                (The server held each request up to 1000 ms for 2 to arrive together.)
                Server timeline:
                    your run            0ms            50ms           100ms          150ms
                    /a  [local-http-1]  ██████████████████████████████
                    /b  [local-http-2]                                ██████████████████████████████
                    peak in flight 1 · span 201 ms   expected: 2 in flight""");
    }

    @Test
    @DisplayName("a broken limit and too few at once are told apart")
    void overAndUnder() {
        assertThat(HttpMessages.shouldPeakAt(ONE_AT_A_TIME, 0, 0)).startsWith("""
                Expecting the server to see exactly 0 requests in flight at once,
                but it saw at most 1: the limit of 0 was not kept. Take a permit before each request and give it back when\
                 its response (or failure) is there.
                Server timeline:""");
        CallLog two = CallLog.of(List.of(
                new CallEvent(STARTED, "/a", "local-http-1", false, 0, 1),
                new CallEvent(STARTED, "/b", "local-http-2", false, 0, 2)));
        assertThat(HttpMessages.shouldPeakAt(two, 3, 0)).contains("but it saw at most 2: fewer than the limit ran at once"
                + " while requests waited. Start the next request as soon as a permit is free, up to 3 at once.");
    }

    @Test
    @DisplayName("paths requested twice or not at all")
    void eachOnce() {
        assertThat(HttpMessages.shouldReceiveEachOnce(ONE_AT_A_TIME, List.of("/a", "/b", "/c"))).startsWith("""
                Expecting the server to receive each of [/a, /b, /c] exactly once,
                but it received [/a, /b].
                Send one request per path.
                Server timeline:""");
    }
}
