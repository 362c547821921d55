package awaitlings.race;

import static awaitlings.race.MirrorRaceTest.FILE;
import static awaitlings.race.MirrorRaceTest.copyFrom;
import static awaitlings.race.MirrorRaceTest.losersSawTheInterrupt;
import static awaitlings.race.MirrorRaceTest.mirror;
import static awaitlings.race.MirrorRaceTest.runRace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Hint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    @DisplayName("task 3 · when every mirror fails, fastest throws one of the mirrors' own exceptions, not a wrapper")
    @Hint("Task 3: ExecutionException is only the envelope: throw its getCause(), the mirror's own exception.")
    void everyMirrorFails() {
        List<IllegalStateException> failures = List.of(new IllegalStateException("mirror-1: 503"),
                new IllegalStateException("mirror-2: 404"));
        FakeRemote first = mirror(1).failOn(FILE, () -> failures.get(0)).build();
        FakeRemote second = mirror(2).latency(Duration.ofMillis(80)).failOn(FILE, () -> failures.get(1)).build();

        Throwable thrown = catchThrowable(() -> runRace(new MirrorRace(List.of(first::fetch, second::fetch), pool)));
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
            String copy = runRace(new MirrorRace(List.of(first::fetch, second::fetch, third::fetch), pool));

            assertThat(copy).isEqualTo(copyFrom(3));
            losersSawTheInterrupt(first, second);
        } finally {
            first.release();
            second.release();
        }
    }
}
