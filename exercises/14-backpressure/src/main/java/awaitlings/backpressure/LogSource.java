package awaitlings.backpressure;

/**
 * One log to ship, e.g. a file that a web server writes. Reading it is fast; it blocks only while the disk reads.
 * Given code: you need not change it.
 */
@FunctionalInterface
public interface LogSource {

    /** The next line of the log, or {@code null} once the log has ended; throws when the log cannot be read. */
    String nextLine();
}
