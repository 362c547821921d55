package awaitlings.race;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/** Correct, in another style: ExecutorService.invokeAny, which cancels the other tasks with an interrupt. */
public class MirrorRace {

    private final List<Mirror> mirrors;
    private final ExecutorService pool;

    public MirrorRace(List<Mirror> mirrors, ExecutorService pool) {
        this.mirrors = mirrors;
        this.pool = pool;
    }

    public String fastest(String file) {
        List<Callable<String>> downloads = mirrors.stream().<Callable<String>>map(mirror -> () -> mirror.download(file)).toList();
        try {
            return pool.invokeAny(downloads);
        } catch (ExecutionException everyOneFailed) {
            if (everyOneFailed.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) everyOneFailed.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the race for " + file + " was interrupted");
        }
    }
}
