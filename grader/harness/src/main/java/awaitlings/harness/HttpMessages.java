package awaitlings.harness;

import java.util.List;

/** The messages of the {@link LocalHttpServer}: what the server saw of the client's requests. */
final class HttpMessages {

    private HttpMessages() {
    }

    static String shouldPeakAt(CallLog log, int limit, int parties) {
        int peak = log.peakInFlight();
        String meaning = peak > limit
                ? String.format("the limit of %d was not kept. Take a permit before each request and give it back when"
                        + " its response (or failure) is there.", limit)
                : peak <= 1
                        ? "the requests went one at a time. Let up to the limit run at once."
                        : String.format("fewer than the limit ran at once while requests waited. Start the next request"
                                + " as soon as a permit is free, up to %d at once.", limit);
        String waited = parties < 2 ? "" : String.format(
                "%n(The server held each request up to 1000 ms for %d to arrive together.)", parties);
        return String.format("Expecting the server to see exactly %d requests in flight at once,%n"
                        + "but it saw at most %d: %s%s%nServer timeline:%n%s",
                limit, peak, meaning, waited, log.timeline(limit + " in flight"));
    }

    static String shouldReceiveEachOnce(CallLog log, List<String> paths) {
        return String.format("Expecting the server to receive each of %s exactly once,%nbut it received %s.%n"
                        + "Send one request per path.%nServer timeline:%n%s",
                paths, log.startOrder(), log.timeline());
    }
}
