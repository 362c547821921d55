package awaitlings.race;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.AsyncRules;
import awaitlings.harness.CallLog;
import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each mirror is a fake that logs its downloads, and whether one was interrupted. A held mirror answers only when
 * the check lets it, so "the first to finish" is decided by the check, not by the machine's speed.
 */
@DisplayName("10 · race and cancel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorRaceTest {

    // The fixtures without `private` are shared with MirrorRaceHiddenTest (same package).
    static final String FILE = "linux.iso";

    final ExecutorService pool = Executors.newCachedThreadPool(raceThreads());

    @AfterEach
    void closePool() {
        pool.shutdownNow();
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("task 1 · fastest returns the copy of the mirror that finishes first, not of the first one asked")
    @Hint("Task 1: submit every download to an ExecutorCompletionService(pool) and take() the first that finishes;"
            + " waiting for the futures in the order you submitted them waits for the first one asked.")
    void theFirstToFinishWins() {
        FakeRemote first = mirror(1).held().build();
        FakeRemote second = mirror(2).build();
        FakeRemote third = mirror(3).held().build();
        try {
            String copy = race(List.of(first, second, third));

            assertThat(copy)
                    .withFailMessage("Expecting the copy from mirror-2, the only one that finished,%nbut got \"%s\".", copy)
                    .isEqualTo(copyFrom(2));
        } finally {
            first.release();
            third.release();
        }
    }

    @Test
    @Order(2)
    @DisplayName("task 1 · fastest asks all three mirrors at once")
    @Hint("Task 1: submit one download per mirror before you wait for any of them.")
    void everyMirrorIsAskedAtOnce() {
        FakeRemote mirrors = FakeRemote.named("mirrors").latency(Duration.ofMillis(100)).rendezvous(3).build();
        List<Mirror> three = List.of(file -> mirrors.fetch("mirror-1"), file -> mirrors.fetch("mirror-2"),
                file -> mirrors.fetch("mirror-3"));

        runRace(new MirrorRace(three, pool), List.of(mirrors));

        assertThat(mirrors).ranConcurrently(3);
    }

    @Test
    @Order(3)
    @Points(3)
    @DisplayName("task 2 · the losers are cancelled and see the interrupt: their downloads end interrupted")
    @Hint("Task 2: keep the Futures that submitting gave you and call cancel(true) on each once a copy is there"
            + " (in a finally block). A CompletableFuture's cancel(true) does not interrupt its thread: submit to the pool.")
    void theLosersSeeTheInterrupt() {
        FakeRemote first = mirror(1).held().build();
        FakeRemote second = mirror(2).build();
        FakeRemote third = mirror(3).held().build();
        try {
            race(List.of(first, second, third));
            losersSawTheInterrupt(List.of(first, second, third), first, third);
        } finally {
            first.release();
            third.release();
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · a mirror that fails does not win: the first copy that arrives does")
    @Hint("Task 3: a download that failed throws ExecutionException from get(): catch it, remember the failure, and"
            + " take() the next one that finishes.")
    void aFailureDoesNotWin() {
        FakeRemote first = mirror(1).latency(Duration.ofMillis(10))
                .failOn(FILE, () -> new IllegalStateException("mirror-1: 503 Service Unavailable")).build();
        FakeRemote second = mirror(2).build();
        FakeRemote third = mirror(3).held().build();
        try {
            String copy = race(List.of(first, second, third));

            assertThat(copy)
                    .withFailMessage("Expecting the copy from mirror-2, the first that arrived (mirror-1 failed first),"
                            + "%nbut got \"%s\".", copy)
                    .isEqualTo(copyFrom(2));
        } finally {
            third.release();
        }
    }

    @Test
    @Order(5)
    @DisplayName("task 1 · fastest waits for the first copy without polling: no isDone() loops, no spinning")
    @Hint("Task 1: ExecutorCompletionService.take() waits until a download has finished, without burning a core."
            + " A loop over isDone() keeps a thread busy doing nothing.")
    void waitsWithoutPolling() {
        FakeRemote only = mirror(1).build();
        assertThat(race(List.of(only))).isEqualTo(copyFrom(1));

        AsyncRules.check(MirrorRace.class, AsyncRules.NO_BUSY_WAITING);
    }

    // ---- the mirrors --------------------------------------------------------------------------------------------

    /** Mirror number {@code n}, whose copy says where it came from; 50 ms per download unless set otherwise. */
    static FakeRemote.Builder mirror(int n) {
        return FakeRemote.named("mirror-" + n).latency(Duration.ofMillis(50)).respond(file -> "copy of " + file + " from mirror-" + n);
    }

    static String copyFrom(int n) {
        return "copy of " + FILE + " from mirror-" + n;
    }

    /** Races these mirrors for {@link #FILE} on the pool and returns what fastest returned. */
    String race(List<FakeRemote> remotes) {
        return runRace(new MirrorRace(remotes.stream().<Mirror>map(remote -> remote::fetch).toList(), pool), remotes);
    }

    /**
     * Runs fastest on a thread of its own and waits at most {@link Futures#PATIENCE}, so that a race stuck on a
     * held mirror fails its check with what it waited for, and the calls to the mirrors {@code raced}. What fastest
     * throws is rethrown as it is.
     */
    static String runRace(MirrorRace race, List<FakeRemote> raced) {
        return CallerThread.start("fastest()", () -> race.fastest(FILE)).result(() -> String.format(
                "Expecting fastest(\"%s\") to return once the first copy had arrived,%n"
                + "but it was still waiting %d s later: it waits for a mirror that has not finished (the first one"
                + " asked?).%nTake the downloads in the order they finish.%nTimeline:%n%s", FILE,
                Futures.PATIENCE.toSeconds(), timelineUntilNow(raced)));
    }

    /** The calls to the mirrors {@code raced} on one timeline. */
    static String timeline(List<FakeRemote> raced) {
        return CallLog.timeline(logs(raced));
    }

    /** The calls to the mirrors {@code raced} on one timeline that runs on to now: for a race still waiting. */
    static String timelineUntilNow(List<FakeRemote> raced) {
        return CallLog.timelineUntilNow(logs(raced));
    }

    private static Map<String, CallLog> logs(List<FakeRemote> raced) {
        return raced.stream().collect(Collectors.toMap(FakeRemote::name, FakeRemote::log, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Each of {@code losers} saw an interrupt within {@link Futures#PATIENCE} after fastest returned; else the calls
     * to every mirror {@code raced} are shown on one timeline.
     */
    static void losersSawTheInterrupt(List<FakeRemote> raced, FakeRemote... losers) {
        List<FakeRemote> all = List.of(losers);
        try {
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> all.stream().allMatch(l -> l.log().sawInterrupt(FILE)));
        } catch (ConditionTimeoutException stillRunning) {
            String running = all.stream().filter(l -> !l.log().sawInterrupt(FILE)).map(FakeRemote::name)
                    .collect(Collectors.joining(" and "));
            fail(String.format("Expecting every loser to be interrupted once the race was won,%n"
                    + "but %s %d s later still had not seen an interrupt: its download was left running.%n"
                    + "cancel(true) on a CompletableFuture only marks it cancelled; it does not interrupt the thread"
                    + " doing the work. The Future that pool.submit returns does: cancel(true) on it interrupts.%n"
                    + "Timeline:%n%s", running, Futures.PATIENCE.toSeconds(), timelineUntilNow(raced)));
        }
    }

    static java.util.concurrent.ThreadFactory raceThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> new Thread(work, "race-pool-" + count.incrementAndGet());
    }
}
