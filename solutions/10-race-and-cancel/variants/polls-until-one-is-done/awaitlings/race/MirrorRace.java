package awaitlings.race;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
     * Waits without polling.
     */
    public String fastest(String file) {
        // Hands the downloads back in the order they finish.
        CompletionService<String> race = new ExecutorCompletionService<>(pool);
        List<Future<String>> downloads = mirrors.stream().map(mirror -> race.submit(() -> mirror.download(file))).toList();
        try {
            Throwable lastFailure = null;
            java.util.Set<Future<String>> open = new java.util.HashSet<>(downloads);
            while (!open.isEmpty()) {
                for (Future<String> download : List.copyOf(open)) {
                    if (download.isDone()) {
                        open.remove(download);
                        try {
                            return download.get();
                        } catch (ExecutionException failed) {
                            lastFailure = failed.getCause();
                        }
                    }
                }
                Thread.onSpinWait();
            }
            throw unchecked(lastFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the race for " + file + " was interrupted");
        } finally {
            // A FutureTask's cancel(true) interrupts the thread running it; a finished one ignores it.
            downloads.forEach(download -> download.cancel(true));
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }
}
