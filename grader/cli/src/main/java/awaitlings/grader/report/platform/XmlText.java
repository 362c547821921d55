package awaitlings.grader.report.platform;

/**
 * Text that XML 1.0 can carry. Learner messages may hold characters XML forbids even as references (NUL, the ESC of
 * colored output, other control characters, lone surrogates): such a file would not parse at all, so each one is
 * written as its Java escape instead, e.g. {@code \u001B}.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (allowed(codePoint)) {
                clean.appendCodePoint(codePoint);
            } else {
                clean.append(String.format("\\u%04X", codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return clean.toString();
    }

    /** XML 1.0's {@code Char} production. */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
