package awaitlings.grader.report;

import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionFlags;
import awaitlings.grader.model.SubmissionResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code gradebook.csv}: a header {@code id,total,max,<one column per exercise>,flags}, then one row per submission,
 * sorted by id so that a resumed run writes the same file. An exercise's cell is its score (empty when the
 * submission has no result for it, "needs JDK 21+" when the grader's JDK was too old to grade it); {@code flags} are {@link SubmissionFlags}, {@code ;}-joined. RFC 4180: CRLF line
 * ends, and a field with a comma, quote or line break is quoted, its quotes doubled; no cell reads as a formula.
 */
final class Gradebook {

    private static final String LINE_END = "\r\n";

    private Gradebook() {
    }

    static String render(List<SubmissionResult> all, List<String> exercises) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "total", "max"));
        header.addAll(exercises);
        header.add("flags");
        row(csv, header);
        all.stream().sorted(Comparator.comparing(SubmissionResult::id)).forEach(result -> row(csv, fields(result, exercises)));
        return csv.toString();
    }

    private static List<String> fields(SubmissionResult result, List<String> exercises) {
        List<String> fields = new ArrayList<>(List.of(result.id(), String.valueOf(result.score()), String.valueOf(result.maxScore())));
        for (String exercise : exercises) {
            fields.add(find(result, exercise)
                    .map(found -> found.needsNewerJdk() ? found.needsJdkText() : String.valueOf(found.score())).orElse(""));
        }
        fields.add(SubmissionFlags.joined(result));
        return fields;
    }

    static Optional<ExerciseResult> find(SubmissionResult result, String exercise) {
        return result.exercises().stream().filter(found -> found.exercise().equals(exercise)).findFirst();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /**
     * The field as a CSV cell. A cell that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) starts with a {@code '} instead, which spreadsheets show as
     * text: a submission named {@code =HYPERLINK(…)} must stay a name.
     */
    static String quoted(String field) {
        if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
