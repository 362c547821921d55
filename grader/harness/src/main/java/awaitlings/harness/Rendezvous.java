package awaitlings.harness;

import java.time.Duration;

/**
 * Holds each arriving call until {@code parties} calls have arrived, or until a long guard passes.
 * Under heavy load a late thread could otherwise start after an early call already ended, and a truly
 * concurrent program would look sequential. Once the guard has passed the rendezvous is broken and
 * lets every later call through at once, so sequential code pays the guard only one time.
 */
final class Rendezvous {

    private final int parties;
    private final long guardNanos;
    private int arrived;
    private boolean broken;

    Rendezvous(int parties, Duration guard) {
        this.parties = parties;
        this.guardNanos = guard.toNanos();
    }

    synchronized void arrive() throws InterruptedException {
        arrived++;
        notifyAll();
        long deadline = System.nanoTime() + guardNanos;
        while (arrived < parties && !broken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                broken = true;
                notifyAll();
                return;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
