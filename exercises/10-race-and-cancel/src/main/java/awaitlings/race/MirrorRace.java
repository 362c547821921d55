package awaitlings.race;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Downloads a file from several mirrors at once and keeps the first copy that arrives, like
 * {@code asyncio.wait(tasks, return_when=FIRST_COMPLETED)} followed by cancelling the rest: the losers are
 * stopped, and each of them sees the interrupt, so no mirror keeps working for nothing.
 */
public class MirrorRace {

    private final List<Mirror> mirrors;
    private final ExecutorService pool;

    /**
     * @param mirrors the mirrors to race, at least one
     * @param pool    the threads the downloads run on, one per mirror at least
     */
    public MirrorRace(List<Mirror> mirrors, ExecutorService pool) {
        this.mirrors = mirrors;
        this.pool = pool;
    }

    /**
     * Task 1 to 3 · asks every mirror at once and returns the first copy that arrives: the first to finish, not
     * the first asked. A mirror that fails drops out of the race. Once a copy is there, every other download is
     * cancelled and sees the interrupt. When every mirror fails, throws the exception of one of them, as it is.
     * Waits without polling; a caller interrupted while it waits gets a {@link java.util.concurrent.CancellationException},
     * keeps its interrupt status, and every download is stopped.
     *
     * <pre>{@code new MirrorRace(List.of(slow, fast), pool).fastest("linux.iso")   // fast's copy; slow is interrupted}</pre>
     */
    public String fastest(String file) {
        // TODO: task 1 — submit one download per mirror to the pool and take the first one that finishes
        //  (an ExecutorCompletionService hands you the downloads in the order they finish).
        // TODO: task 2 — then cancel every other download so that its thread is interrupted. Careful:
        //  CompletableFuture.cancel(true) does not interrupt anything; the Future that pool.submit returns does.
        // TODO: task 3 — a download that failed is not a winner: take the next one; if all failed, throw a failure.
        throw new UnsupportedOperationException("Implement MirrorRace.fastest() — tasks 1 to 3");
    }
}
