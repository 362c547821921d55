package awaitlings.race;

import static awaitlings.race.MirrorRaceTest.FILE;
import static awaitlings.race.MirrorRaceTest.copyFrom;
import static awaitlings.race.MirrorRaceTest.losersSawTheInterrupt;
import static awaitlings.race.MirrorRaceTest.mirror;
import static awaitlings.race.MirrorRaceTest.runRace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import awaitlings.harness.CallerThread;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("10 · race and cancel · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorRaceHiddenTest {

    private final ExecutorService pool = Executors.newCachedThreadPool(MirrorRaceTest.raceThreads());

    @AfterEach
    void closePool() {
        pool.shutdownNow();
    }

    @Test
    @Order(1)
    @DisplayName("task 3 · when every mirror fails, fastest throws one of the mirrors' own exceptions (an Error too), not a wrapper")
    @Hint("Task 3: ExecutionException is only the envelope: throw its getCause(), the mirror's own exception, whether it"
            + " is a RuntimeException or an Error.")
    void everyMirrorFails() {
        // An Error is a failure too, and must come out as it is: once it fails last, once first.
        throwsOneOfItsMirrorsFailures(Duration.ofMillis(10), Duration.ofMillis(80));
        throwsOneOfItsMirrorsFailures(Duration.ofMillis(80), Duration.ofMillis(10));
    }

    private void throwsOneOfItsMirrorsFailures(Duration unavailableAfter, Duration brokenAfter) {
        IllegalStateException unavailable = new IllegalStateException("mirror-1: 503");
        AssertionError broken = new AssertionError("mirror-2: corrupt copy");
        List<Throwable> failures = List.of(unavailable, broken);
        FakeRemote first = mirror(1).latency(unavailableAfter).failOn(FILE, () -> unavailable).build();
        FakeRemote second = mirror(2).latency(brokenAfter).build();
        Mirror corrupt = file -> {
            second.fetch(file);
            throw broken;
        };

        Throwable thrown = catchThrowable(() -> runRace(new MirrorRace(List.of(first::fetch, corrupt), pool), List.of(first, second)));
        if (thrown instanceof UnsupportedOperationException unsolved) {
            throw unsolved;
        }

        assertThat(thrown)
                .withFailMessage("Expecting fastest to throw a mirror's own exception, one of%n    %s%nbut it threw%n    %s",
                        failures, thrown == null ? "nothing" : thrown)
                .isIn(failures.toArray());
    }

    @Test
    @Order(2)
    @DisplayName("task 2 · when the last mirror asked wins, the ones asked before it are interrupted too")
    @Hint("Task 2: cancel every download but the winner, those submitted before it as well as after it.")
    void theLastAskedWins() {
        FakeRemote first = mirror(1).held().build();
        FakeRemote second = mirror(2).held().build();
        FakeRemote third = mirror(3).build();
        try {
            String copy = runRace(new MirrorRace(List.of(first::fetch, second::fetch, third::fetch), pool),
                    List.of(first, second, third));

            assertThat(copy).isEqualTo(copyFrom(3));
            losersSawTheInterrupt(List.of(first, second, third), first, second);
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    @Order(3)
    @DisplayName("task 2 · a caller interrupted while it waits gets a CancellationException, keeps its interrupt, and every download is stopped")
    @Hint("Task 2: catch InterruptedException around take(): restore the flag (Thread.currentThread().interrupt()),"
            + " throw a CancellationException; the finally block that cancels the downloads runs on this path too.")
    void anInterruptedCallerStopsTheRace() {
        FakeRemote first = mirror(1).held().build();
        FakeRemote second = mirror(2).held().build();
        try {
            CallerThread<String> caller = CallerThread.start("fastest()", () -> {
                try {
                    return new MirrorRace(List.of(first::fetch, second::fetch), pool).fastest(FILE);
                } catch (CancellationException stopped) {
                    return "stopped";
                }
            });
            Awaitility.await().atMost(Futures.PATIENCE).until(() -> first.log().calls() == 1 && second.log().calls() == 1);
            caller.interrupt();

            String outcome = caller.result(() -> String.format("Expecting fastest to stop waiting when its caller was"
                    + " interrupted,%nbut it was still waiting %d s later.%nTimeline:%n%s", Futures.PATIENCE.toSeconds(),
                    MirrorRaceTest.timeline(List.of(first, second))));
            assertThat(outcome)
                    .withFailMessage("Expecting an interrupted fastest to throw a CancellationException,%nbut it returned \"%s\".",
                            outcome)
                    .isEqualTo("stopped");
            assertThat(caller.endedInterrupted())
                    .withFailMessage("Expecting the caller's interrupt status to be kept after fastest gave up,%n"
                            + "but it was cleared: call Thread.currentThread().interrupt() before throwing.")
                    .isTrue();
            losersSawTheInterrupt(List.of(first, second), first, second);
        } finally {
            first.release();
            second.release();
        }
    }
}
