package awaitlings.grader.model;

/**
 * One call of a failed check's timeline, as the report draws it: a bar from its start to its end on the check's time
 * axis.
 *
 * @param label    what was asked for, e.g. {@code latte}
 * @param thread   the thread that made the call
 * @param start    milliseconds from the first event of the log to the call's start
 * @param end      milliseconds to its end; for a call still in flight, to the end of the chart's axis (now, for a
 *                 chart drawn as the calls stood)
 * @param ending   how it ended: {@code returned}, {@code failed}, {@code interrupted}, {@code cancelled}, or
 *                 {@code in flight} when it never did
 */
public record CallBar(String label, String thread, long start, long end, String ending) {

    public static final String IN_FLIGHT = "in flight";
}
