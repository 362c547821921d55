package awaitlings.backpressure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

public class LogShipper {

    private static final Object END = new Object();

    private final int capacity;
    private final int uploaders;

    public LogShipper(int capacity, int uploaders) {
        this.capacity = capacity;
        this.uploaders = uploaders;
    }

    public void ship(List<LogSource> sources, Uploader uploader) throws InterruptedException, ExecutionException {
        BlockingQueue<Object> queue = new LinkedBlockingDeque<>(capacity);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger producing = new AtomicInteger(sources.size());
        List<Thread> threads = new ArrayList<>();
        Runnable stopAll = () -> threads.forEach(Thread::interrupt);
        for (LogSource source : sources) {
            threads.add(new Thread(guarded(failure, stopAll, () -> {
                for (String line = source.nextLine(); line != null; line = source.nextLine()) {
                    queue.put(line);
                }
                if (producing.decrementAndGet() == 0) {
                    for (int i = 0; i < uploaders; i++) {
                        queue.put(END);
                    }
                }
            }), "log-producer"));
        }
        if (sources.isEmpty()) {
            for (int i = 0; i < uploaders; i++) {
                queue.put(END);
            }
        }
        for (int i = 0; i < uploaders; i++) {
            threads.add(new Thread(guarded(failure, stopAll, () -> {
                for (Object line = queue.take(); line != END; line = queue.take()) {
                    uploader.upload((String) line);
                }
            }), "log-uploader"));
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException interrupted) {
            stopAll.run();
            for (Thread thread : threads) {
                joinUninterruptibly(thread);
            }
            throw interrupted;
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    private static Runnable guarded(AtomicReference<Throwable> failure, Runnable stopAll, Work work) {
        return () -> {
            try {
                work.run();
            } catch (InterruptedException stopped) {
                // Told to stop: someone else failed, or the caller was interrupted.
            } catch (RuntimeException | Error failed) {
                if (failure.compareAndSet(null, failed)) {
                    stopAll.run();
                }
            }
        };
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
