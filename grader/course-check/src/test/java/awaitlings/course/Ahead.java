package awaitlings.course;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the course check's forked JVMs ahead of the tests that judge them, {@code -Dawaitlings.forks=N} at a time (two
 * by default), in the order given. Each JVM mostly waits out its checks' deliberate delays, so two of them share two
 * cores well; the checks judge right under that load, as they do under {@code stress-ng --cpu 2}.
 */
final class Ahead {

    private static final int FORKS = Integer.getInteger("awaitlings.forks", 2);

    private Ahead() {
    }

    /** Starts every job; each one's result is read with {@link #result(Future)} by the test that judges it. */
    static <T> List<Future<T>> start(List<Callable<T>> jobs) {
        ExecutorService forks = Executors.newFixedThreadPool(FORKS, job -> {
            Thread thread = new Thread(job, "course-check-fork");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return jobs.stream().map(forks::submit).toList();
        } finally {
            forks.shutdown();
        }
    }

    /** The job's result, once it is there; what it threw (an assertion's failure included) is thrown as it was. */
    static <T> T result(Future<T> job) throws Throwable {
        try {
            return job.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
