package awaitlings.harness;

import static awaitlings.harness.CallEvent.Kind.CANCELLED;
import static awaitlings.harness.CallEvent.Kind.FAILED;
import static awaitlings.harness.CallEvent.Kind.INTERRUPTED;
import static awaitlings.harness.CallEvent.Kind.RETURNED;
import static awaitlings.harness.CallEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the call chart a learner reads under "Timeline:". */
@DisplayName("TimelineChart")
class TimelineChartTests {

    private static final long MS = 1_000_000;

    private static CallEvent at(long millis, CallEvent.Kind kind, String key, String thread, int inFlight) {
        return new CallEvent(kind, key, thread, false, millis * MS, inFlight);
    }

    private static CallEvent tick(long millis, String name, String thread) {
        return at(millis, STARTED, name, thread, 0);
    }

    private static String chart(CallEvent... events) {
        return CallLog.of(List.of(events)).timeline();
    }

    @Test
    @DisplayName("calls one after another sit end to end, and the summary line says what was expected")
    void sequential() {
        CallLog log = CallLog.of(List.of(
                at(0, STARTED, "fetch a", "main", 1), at(200, RETURNED, "fetch a", "main", 0),
                at(201, STARTED, "fetch b", "main", 1), at(402, RETURNED, "fetch b", "main", 0),
                at(403, STARTED, "fetch c", "main", 1), at(612, RETURNED, "fetch c", "main", 0)));
        assertThat(log.timeline("3 in flight")).isEqualTo("""
                    your run         0ms                 200ms              400ms
                    fetch a  [main]  ████████████████████
                    fetch b  [main]                      ███████████████████
                    fetch c  [main]                                          ████████████████████
                    peak in flight 1 · span 612 ms   expected: 3 in flight
                """.stripTrailing());
    }

    @Test
    @DisplayName("calls in flight together share columns, each on its own thread's row")
    void overlapping() {
        assertThat(chart(
                at(0, STARTED, "latte", "pool-1-thread-1", 1), at(5, STARTED, "mocha", "pool-1-thread-2", 2),
                at(10, STARTED, "tea", "pool-1-thread-3", 3), at(200, RETURNED, "latte", "pool-1-thread-1", 2),
                at(206, RETURNED, "mocha", "pool-1-thread-2", 1), at(211, RETURNED, "tea", "pool-1-thread-3", 0)))
                .isEqualTo("""
                    your run                  0ms           50ms          100ms          150ms
                    latte  [pool-1-thread-1]  █████████████████████████████████████████████████████████
                    mocha  [pool-1-thread-2]   ██████████████████████████████████████████████████████████
                    tea  [pool-1-thread-3]       █████████████████████████████████████████████████████████
                    peak in flight 3 · span 211 ms
                """.stripTrailing());
    }

    @Test
    @DisplayName("a failed call ends with ✗, and the legend says so")
    void failed() {
        assertThat(chart(
                at(0, STARTED, "user", "main", 1), at(100, RETURNED, "user", "main", 0),
                at(100, STARTED, "cart", "main", 1), at(150, FAILED, "cart", "main", 0)))
                .isEqualTo("""
                    your run      0ms                 50ms                100ms
                    user  [main]  ████████████████████████████████████████
                    cart  [main]                                          ████████████████████✗
                    peak in flight 1 · span 150 ms
                    ✗ failed
                """.stripTrailing());
    }

    @Test
    @DisplayName("an interrupted or cancelled call ends with ⊘")
    void cancelled() {
        assertThat(chart(
                at(0, STARTED, "mirror-1", "race-1", 1), at(0, STARTED, "mirror-2", "race-2", 2),
                at(80, RETURNED, "mirror-1", "race-1", 1), at(81, INTERRUPTED, "mirror-2", "race-2", 0),
                at(90, STARTED, "mirror-3", "race-3", 1), at(95, CANCELLED, "mirror-3", "race-3", 0)))
                .isEqualTo("""
                    your run            0ms          20ms        40ms         60ms         80ms
                    mirror-1  [race-1]  ███████████████████████████████████████████████████
                    mirror-2  [race-2]  ███████████████████████████████████████████████████⊘
                    mirror-3  [race-3]                                                           ███⊘
                    peak in flight 2 · span 95 ms
                    ⊘ interrupted or cancelled
                """.stripTrailing());
    }

    @Test
    @DisplayName("the calls of several fakes share one chart and one axis, each key headed by its fake's name")
    void severalFakes() {
        CallLog first = CallLog.of(() -> 0, List.of(at(0, STARTED, "file", "race-1", 1), at(90, INTERRUPTED, "file", "race-1", 0)));
        CallLog second = CallLog.of(() -> 0, List.of(at(5, STARTED, "file", "race-2", 1), at(50, RETURNED, "file", "race-2", 0)));
        CallLog third = CallLog.of(() -> 10 * MS, List.of(at(0, STARTED, "file", "race-3", 1)));
        Map<String, CallLog> mirrors = new LinkedHashMap<>();
        mirrors.put("mirror-1", first);
        mirrors.put("mirror-2", second);
        mirrors.put("mirror-3", third);
        assertThat(CallLog.timeline(mirrors)).isEqualTo("""
                    your run                 0ms          20ms          40ms         60ms         80ms
                    mirror-1 file  [race-1]  ████████████████████████████████████████████████████████████⊘
                    mirror-2 file  [race-2]     ██████████████████████████████
                    mirror-3 file  [race-3]         █████████████████████████████████████████████████████→
                    peak in flight 3 · span 90 ms
                    ⊘ interrupted or cancelled · → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("the calls of fakes that each serve one key share one chart under their own keys")
    void oneFakePerKey() {
        CallLog a = CallLog.of(() -> 0, List.of(at(0, STARTED, "/a", "pool-1", 1), at(40, RETURNED, "/a", "pool-1", 0)));
        CallLog b = CallLog.of(() -> 0, List.of(at(2, STARTED, "/b", "pool-2", 1)));
        CallLog c = CallLog.of(() -> 0, List.of());
        assertThat(CallLog.timelineOfAll(List.of(a, b, c))).isEqualTo("""
                    your run      0ms            10ms           20ms           30ms
                    /a  [pool-1]  ████████████████████████████████████████████████████████████
                    /b  [pool-2]     █████████████████████████████████████████████████████████→
                    peak in flight 2 · span 40 ms
                    → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("a chart until now runs its axis on to now, and a call still in flight with it")
    void untilNow() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        CallLog log = CallLog.of(clock::get, List.of(at(0, STARTED, "/slow", "local-http-1", 1)));
        clock.set(5000 * MS);
        assertThat(log.timelineUntilNow()).isEqualTo("""
                    your run               0ms         1000ms      2000ms      3000ms      4000ms
                    /slow  [local-http-1]  ████████████████████████████████████████████████████████████→
                    peak in flight 1 · span 5000 ms
                    → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("several fakes' chart until now runs its axis on to now, a race still waiting on its loser with it")
    void severalFakesUntilNow() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        Map<String, CallLog> mirrors = new LinkedHashMap<>();
        mirrors.put("mirror-1", CallLog.of(clock::get, List.of(at(0, STARTED, "file", "race-1", 1), at(40, RETURNED, "file", "race-1", 0))));
        mirrors.put("mirror-2", CallLog.of(clock::get, List.of(at(10, STARTED, "file", "race-2", 1))));
        clock.set(200 * MS);
        assertThat(CallLog.timelineUntilNow(mirrors)).isEqualTo("""
                    your run                 0ms            50ms           100ms          150ms
                    mirror-1 file  [race-1]  ████████████
                    mirror-2 file  [race-2]     █████████████████████████████████████████████████████████→
                    peak in flight 2 · span 200 ms
                    → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("several logs' chart until now keys each row by its call, and runs its axis on to now")
    void severalLogsUntilNow() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        CallLog service = CallLog.of(clock::get, List.of(at(0, STARTED, "ship", "task-1", 1)));
        CallLog checks = CallLog.of(clock::get, List.of(at(10, STARTED, "join()", "caller of join()", 1)));
        clock.set(200 * MS);
        assertThat(CallLog.timelineOfAllUntilNow(List.of(service, checks))).isEqualTo("""
                    your run                    0ms            50ms           100ms          150ms
                    ship  [task-1]              ████████████████████████████████████████████████████████████→
                    join()  [caller of join()]     █████████████████████████████████████████████████████████→
                    peak in flight 2 · span 200 ms
                    → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("a call that never returned runs to the end of the axis with →")
    void neverReturned() {
        assertThat(chart(
                at(0, STARTED, "report", "loop-1", 1), at(0, STARTED, "email", "loop-2", 2),
                at(300, RETURNED, "email", "loop-2", 1)))
                .isEqualTo("""
                    your run          0ms                 100ms               200ms
                    report  [loop-1]  ████████████████████████████████████████████████████████████→
                    email  [loop-2]   ████████████████████████████████████████████████████████████
                    peak in flight 2 · span 300 ms
                    → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("10 000 calls print 12 rows, then one row for all the others, on an axis rescaled to the whole span")
    void tenThousandCalls() {
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String key = "page-" + i;
            String thread = "worker-" + i % 4;
            events.add(new CallEvent(STARTED, key, thread, false, i * MS, 1));
            events.add(new CallEvent(RETURNED, key, thread, false, i * MS + MS / 2, 0));
        }
        assertThat(CallLog.of(events).timeline()).isEqualTo("""
                    your run              0ms         2000ms      4000ms      6000ms      8000ms
                    page-0  [worker-0]    █
                    page-1  [worker-1]    █
                    page-2  [worker-2]    █
                    page-3  [worker-3]    █
                    page-4  [worker-0]    █
                    page-5  [worker-1]    █
                    page-6  [worker-2]    █
                    page-7  [worker-3]    █
                    page-8  [worker-0]    █
                    page-9  [worker-1]    █
                    page-10  [worker-2]   █
                    page-11  [worker-3]   █
                    …and 9988 more calls  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
                    peak in flight 1 · span 9999 ms
                    ░ the other calls in flight
                """.stripTrailing());
    }

    @Test
    @DisplayName("a long label is cut short with …, and a virtual thread is named as one")
    void labels() {
        assertThat(CallLog.of(List.of(
                new CallEvent(STARTED, "https://example.org/a/very/long/path", "main", false, 0, 1),
                new CallEvent(STARTED, "b", "", true, 50 * MS, 2),
                new CallEvent(RETURNED, "b", "", true, 100 * MS, 1),
                new CallEvent(RETURNED, "https://example.org/a/very/long/path", "main", false, 100 * MS, 0))).timeline())
                .isEqualTo("""
                    your run                      0ms         20ms        40ms        60ms        80ms
                    https://example.org…  [main]  ████████████████████████████████████████████████████████████
                    b  [unnamed, virtual]                                       ██████████████████████████████
                    peak in flight 2 · span 100 ms
                """.stripTrailing());
    }

    @Test
    @DisplayName("a loop's heartbeats are ticks on its thread's row, and blocking work there is a bar on it and a row of its own")
    void aBlockedLoop() {
        List<Long> beats = new ArrayList<>();
        for (long t = 0; t <= 500; t += 10) {
            beats.add(t * MS);
        }
        List<CallEvent> work = List.of(
                at(200, STARTED, "q1", "worker-1", 1), at(300, RETURNED, "q1", "worker-1", 0),
                at(505, STARTED, "q3", "server-loop", 1));
        assertThat(TimelineChart.drawLoop("server-loop", beats, 510 * MS, 1500 * MS, work, Duration.ofMillis(10)))
                .isEqualTo("""
                    your run                   0ms                 500ms               1000ms
                    heartbeats  [server-loop]  │││││││││││││││││││││███████████████████████████████████████
                    q1  [worker-1]                     ████
                    q3  [server-loop]                              ████████████████████████████████████████→
                    heartbeats run 51 · the last one sent has waited 990 ms   expected: one every 10 ms all along
                    │ a heartbeat ran on the loop · █ the loop's thread was busy · → still in flight at the end
                """.stripTrailing());
    }

    @Test
    @DisplayName("a callback loop's chart has a row of ticks per thread, the loop's first, and says the order they ran in")
    void callbacksAsTicks() {
        List<CallEvent> ticks = List.of(tick(100, "a", "runUntilComplete()"), tick(200, "b", "timer"),
                tick(200, "b2", "runUntilComplete()"), tick(300, "c", "timer"));
        assertThat(TimelineChart.drawTicks("runUntilComplete()", ticks)).isEqualTo("""
                    your run                    0ms               100ms             200ms              300ms
                    loop  [runUntilComplete()]                    │                 │
                    not loop  [timer]                                               │                  │
                    ran in order: a, b, b2, c · 2 not on the loop's thread
                    │ a callback ran
                """.stripTrailing());
    }

    @Test
    @DisplayName("a callback loop's chart keeps the loop's row when nothing ran on it, and cuts a long order short")
    void callbacksAllElsewhere() {
        List<CallEvent> ticks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            ticks.add(tick(0, "task" + i, "submitter s" + (i % 2 + 1)));
        }
        assertThat(TimelineChart.drawTicks("runUntilComplete()", ticks)).isEqualTo("""
                    your run                    0ms
                    loop  [runUntilComplete()]
                    not loop  [submitter s2]    │
                    not loop  [submitter s1]    │
                    ran in order: task1, task2, task3, task4, task5, …and 25 more · 30 not on the loop's thread
                    │ a callback ran
                """.stripTrailing());
        assertThat(TimelineChart.drawTicks("", ticks.subList(0, 2))).isEqualTo("""
                    your run             0ms
                    ran  [submitter s2]  │
                    ran  [submitter s1]  │
                    ran in order: task1, task2
                    │ a callback ran
                """.stripTrailing());
        assertThat(TimelineChart.drawTicks("", List.of())).isEqualTo("    (nothing ran)");
    }

    @Test
    @DisplayName("an empty log says there were no calls")
    void empty() {
        assertThat(chart()).isEqualTo("    (no calls)");
    }

    @Test
    @DisplayName("the calls of the last chart drawn are kept for the grader, once: taking them forgets them")
    void lastChartIsKeptForTheGrader() {
        Timelines.take();
        CallEvent start = at(0, CallEvent.Kind.STARTED, "latte", "counter-staff-1", 1);
        CallEvent end = at(200, CallEvent.Kind.RETURNED, "latte", "counter-staff-1", 0);
        chart(start, end);

        assertThat(CallSpan.of(Timelines.take().events())).containsExactly(new CallSpan(start, end));
        assertThat(Timelines.take().events()).isEmpty();
    }

    @Test
    @DisplayName("a chart drawn as the calls stood keeps where its axis ends, so that the grader draws a call still in flight until then")
    void chartDrawnUntilNowKeepsItsEnd() {
        Timelines.take();
        long[] now = {0};
        CallLog log = CallLog.of(() -> now[0], List.of(at(0, CallEvent.Kind.STARTED, "latte", "counter-staff-1", 1)));
        now[0] = 500_000_000L;

        log.timelineUntilNow();

        assertThat(Timelines.take().end()).isEqualTo(500_000_000L);
    }

    @Test
    @DisplayName("the grader gets the calls of the last chart only for a message that shows a chart")
    void lastChartOnlyForAMessageThatShowsOne() {
        CallEvent start = at(0, CallEvent.Kind.STARTED, "latte", "counter-staff-1", 1);
        String shown = chart(start);

        assertThat(Timelines.takeFor("Expecting a latte,%nbut got none.").events()).isEmpty();
        chart(start);
        assertThat(Timelines.takeFor("Expecting a latte,%nbut got none.%nTimeline:%n" + shown).events()).containsExactly(start);
        assertThat(Timelines.take().events()).isEmpty();
    }
}
