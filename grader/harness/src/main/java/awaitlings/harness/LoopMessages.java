package awaitlings.harness;

import java.time.Duration;

/** The messages of the loop probes: {@link IdleProbe} (a thread that should sleep) and {@link LoopLagProbe} (a loop that should run). */
final class LoopMessages {

    private LoopMessages() {
    }

    static String shouldStayIdle(String who, String waitingFor, Duration window, Duration cpu, long wakeUps, String where) {
        String meaning = cpu.compareTo(IdleProbe.MAX_CPU) > 0
                ? "it spins: it keeps checking for work instead of waiting for it."
                : "it polls: it wakes up again and again to look for work.";
        return String.format("Expecting %s to sleep while it waits for %s,%n"
                        + "but in %d ms with nothing to do its thread used %d ms of CPU and woke up %d times: %s%n"
                        + "Wait on something that wakes you when work arrives: take() on a BlockingQueue, or await() on a"
                        + " Condition, with no time limit (or only one up to the next timer).%n"
                        + "Its thread was here:%n%s",
                who, waitingFor, window.toMillis(), cpu.toMillis(), wakeUps, meaning, where);
    }

    static String shouldKeepWaiting(String who, String waitingFor) {
        return String.format("Expecting %s to keep waiting for %s,%nbut its thread ended.", who, waitingFor);
    }

    static String shouldKeepBeating(String loop, String what, int ran, int wanted, Duration patience, Duration stuck,
                                    String timeline, String where) {
        return String.format("Expecting the %s to keep running while %s,%n"
                        + "but it ran %d of %d heartbeats in %d s, and the beat it was handed %d ms ago still waits:"
                        + " something on its thread blocks it.%n"
                        + "A blocked loop runs nothing else: no other request, no timer, no reply. Hand blocking work to"
                        + " the workers and compose the rest onto its future.%n"
                        + "Timeline:%n%s%n"
                        + "The %s's thread was here:%n%s",
                loop, what, ran, wanted, patience.toSeconds(), stuck.toMillis(), timeline, loop, where);
    }

    static String shouldStartBeating(String loop, Duration patience) {
        return String.format("Expecting the %s to run a first heartbeat before the check began,%n"
                        + "but it ran none in %d s: its thread is busy or stuck before any request came.",
                loop, patience.toSeconds());
    }
}
