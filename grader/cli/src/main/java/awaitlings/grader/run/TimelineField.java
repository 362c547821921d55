package awaitlings.grader.run;

import awaitlings.grader.model.CallBar;
import awaitlings.grader.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A failed check's timeline as one field of its END line: base64 of one line per call, {@code start<TAB>end<TAB>
 * ending<TAB>base64(label)<TAB>base64(thread)}. What a graded JVM sends is the learner's to shape, so reading it keeps
 * only well-formed calls, at most {@link Verdict.MAX_CALLS}.
 */
final class TimelineField {

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private TimelineField() {
    }

    static String encode(List<CallBar> bars) {
        StringBuilder lines = new StringBuilder();
        for (CallBar bar : bars.subList(0, Math.min(bars.size(), Verdict.MAX_CALLS))) {
            lines.append(bar.start()).append('\t').append(bar.end()).append('\t').append(bar.ending()).append('\t')
                    .append(text(bar.label())).append('\t').append(text(bar.thread())).append('\n');
        }
        return text(lines.toString());
    }

    /** The calls of a field; none for a field that is not one. */
    static List<CallBar> decode(String field) {
        List<CallBar> bars = new ArrayList<>();
        try {
            for (String line : plain(field).split("\n")) {
                String[] part = line.split("\t", -1);
                if (part.length == 5 && bars.size() < Verdict.MAX_CALLS) {
                    long start = Long.parseLong(part[0]);
                    long end = Long.parseLong(part[1]);
                    if (start >= 0 && end >= start) {
                        bars.add(new CallBar(plain(part[3]), plain(part[4]), start, end, part[2]));
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return List.of(); // not base64, or not a number: the learner's code wrote it, and it draws nothing
        }
        return List.copyOf(bars);
    }

    private static String text(String plain) {
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(String encoded) {
        return new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
    }
}
