package awaitlings.grader.model;

/**
 * Text kept within a size however long it was: the head and the tail, and between them a marker that says how
 * much was cut. What a submission makes its checks say is capped with it, so no submission can carry much out
 * through its messages, nor fill the grader's memory.
 */
public final class TextCap {

    /** The most a check's message may hold. */
    public static final int MESSAGE = 4 * 1024;

    private TextCap() {
    }

    /** {@code text} itself when it has at most {@code max} characters, else its head and tail around a marker. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = boundary(text, max / 2);
        int tail = boundary(text, text.length() - max / 2);
        return text.substring(0, head) + "\n[… " + (tail - head) + " more characters …]\n" + text.substring(tail);
    }

    /** {@code at}, moved back one place if it would split a surrogate pair. */
    private static int boundary(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }
}
