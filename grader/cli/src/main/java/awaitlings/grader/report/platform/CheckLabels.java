package awaitlings.grader.report.platform;

import awaitlings.grader.model.Check;

/**
 * How a check is named in the output files. Gradescope hides hidden checks by its own {@code visibility}; every
 * other format has no such field, so there a hidden check's name starts with {@value #HIDDEN_MARK}.
 */
final class CheckLabels {

    static final String HIDDEN_MARK = "[hidden] ";

    private CheckLabels() {
    }

    /** {@code "03-await-compose › the two calls run at once"}: which exercise, then the check's sentence. */
    static String qualified(Check check) {
        return check.exercise() + " › " + check.name();
    }

    /** {@link #qualified}, marked when the check is hidden. */
    static String marked(Check check) {
        return mark(check) + qualified(check);
    }

    /** The check's sentence alone, marked when the check is hidden: for formats that group checks by exercise. */
    static String markedName(Check check) {
        return mark(check) + check.name();
    }

    private static String mark(Check check) {
        return check.hidden() ? HIDDEN_MARK : "";
    }
}
