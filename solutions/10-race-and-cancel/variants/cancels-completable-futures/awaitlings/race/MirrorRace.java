package awaitlings.race;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The classic trap: supplyAsync for each mirror, and cancel(true) on the CompletableFutures, which interrupts nothing. */
public class MirrorRace {

    private final List<Mirror> mirrors;
    private final ExecutorService pool;

    public MirrorRace(List<Mirror> mirrors, ExecutorService pool) {
        this.mirrors = mirrors;
        this.pool = pool;
    }

    public String fastest(String file) {
        CompletableFuture<String> winner = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<String>> downloads = mirrors.stream()
                .map(mirror -> CompletableFuture.supplyAsync(() -> mirror.download(file), pool)).toList();
        downloads.forEach(download -> download.whenComplete((copy, failure) -> {
            if (failure == null) {
                winner.complete(copy);
            } else if (failed.incrementAndGet() == downloads.size()) {
                winner.completeExceptionally(failure.getCause());
            }
        }));
        try {
            return winner.join();
        } finally {
            downloads.forEach(download -> download.cancel(true));
        }
    }
}
