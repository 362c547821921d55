package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the future tracker's messages. */
@DisplayName("TrackerMessages")
class TrackerMessagesTests {

    @Test
    @DisplayName("a fetch nobody awaited and a failure nobody looked at, in asyncio's words")
    void lines() {
        assertThat(TrackerMessages.neverAwaited(3, "shop-c")).isEqualTo("fetch #3 (shop-c) was started but never awaited");
        assertThat(TrackerMessages.failedAndNobodyLooked(2, "shop-b")).isEqualTo("fetch #2 (shop-b) failed and nobody looked");
    }

    @Test
    @DisplayName("the whole message lists each one, says what it means, and shows the timeline")
    void whole() {
        assertThat(TrackerMessages.shouldObserveEveryFuture("price service",
                List.of("fetch #2 (shop-b) failed and nobody looked", "fetch #3 (shop-c) was started but never awaited"),
                TimerMessagesTests.CHAINED)).isEqualTo("""
                Expecting every fetch from the price service to be awaited or composed, and every failure to be looked at,
                but:
                    fetch #2 (shop-b) failed and nobody looked
                    fetch #3 (shop-c) was started but never awaited
                A future nobody waits for is work thrown away; a failure nobody looks at is an error nobody hears of.\
                 Start each fetch once, and use every future you start.
                Timeline (virtual time):
                    your run            0ms         100ms       200ms       300ms       400ms
                    a  [main]           ████████████████████████████████████
                    b  [virtual-timer]                                      ████████████████████████
                    peak in flight 1 · span 500 ms""");
    }
}
