package awaitlings.virtual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

public class Crawler {

    private final Catalog catalog;

    public Crawler(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<String> fetchAll(List<String> paths) throws InterruptedException, ExecutionException {
        return crawl(paths, null);
    }

    public List<String> fetchAll(List<String> paths, int limit) throws InterruptedException, ExecutionException {
        return crawl(paths, new Semaphore(limit, true));
    }

    private List<String> crawl(List<String> paths, Semaphore permits) throws InterruptedException, ExecutionException {
        String[] pages = new String[paths.size()];
        Throwable[] failures = new Throwable[paths.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            int index = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    if (permits != null) {
                        permits.acquire();
                    }
                    try {
                        pages[index] = catalog.get(paths.get(index));
                    } finally {
                        if (permits != null) {
                            permits.release();
                        }
                    }
                } catch (Throwable failure) {
                    failures[index] = failure;
                }
            }));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException interrupted) {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException again) {
                        // keep waiting: every fetch must have ended
                    }
                }
            }
            throw interrupted;
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
        }
        return Arrays.asList(pages);
    }
}
