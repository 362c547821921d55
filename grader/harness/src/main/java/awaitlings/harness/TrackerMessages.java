package awaitlings.harness;

import java.util.List;

/** The messages of the {@link FutureTracker}: futures that were started, or failed, and that nobody looked at. */
final class TrackerMessages {

    private TrackerMessages() {
    }

    static String neverAwaited(int number, String key) {
        return String.format("fetch #%d (%s) was started but never awaited", number, key);
    }

    static String failedAndNobodyLooked(int number, String key) {
        return String.format("fetch #%d (%s) failed and nobody looked", number, key);
    }

    static String shouldObserveEveryFuture(String remote, List<String> unobserved, CallLog log) {
        return String.format("Expecting every fetch from the %s to be awaited or composed, and every failure to be looked at,%n"
                        + "but:%n    %s%n"
                        + "A future nobody waits for is work thrown away; a failure nobody looks at is an error nobody hears of."
                        + " Start each fetch once, and use every future you start.%nTimeline (virtual time):%n%s",
                remote, String.join(System.lineSeparator() + "    ", unobserved), log.timeline());
    }
}
