package awaitlings.grader.report;

import awaitlings.grader.report.ClassView.CheckTally;
import awaitlings.grader.report.ClassView.ExerciseTally;
import awaitlings.grader.report.ClassView.FlagCount;
import java.util.stream.Collectors;

/**
 * The top of {@code report.html}: the class at a glance. The flags counted, a legend for the page's colours, then per
 * exercise a chart of how its scores spread and its checks, most-failed first, each with how many passed as "n of N"
 * and as a bar. Every bar and colour also says its meaning in text or a symbol, so no reading depends on hue.
 * Anchors are numbered ({@code c1}) like the rest of the page's.
 */
final class ClassViewHtml {

    private ClassViewHtml() {
    }

    static void render(StringBuilder html, ClassView view) {
        html.append("<section class=\"class-view\" id=\"class\">\n<h2>The class</h2>\n<p>").append(count(view.graded(), "submission"))
                .append(" graded");
        if (view.notGraded() > 0) {
            html.append("; ").append(count(view.notGraded(), "submission")).append(" the grader could not grade, left out of the counts below");
        }
        html.append(".</p>\n<p class=\"flag-counts\">Flags: ").append(view.flags().stream().map(ClassViewHtml::flag)
                .collect(Collectors.joining(" · "))).append("</p>\n");
        legend(html);
        for (int e = 0; e < view.exercises().size(); e++) {
            exercise(html, view.exercises().get(e), "c" + (e + 1));
        }
        html.append("</section>\n");
    }

    private static String flag(FlagCount flag) {
        return "<span class=\"flag-count\"><strong>" + flag.submissions() + "</strong> " + Html.escape(flag.kind()) + "</span>";
    }

    private static void legend(StringBuilder html) {
        html.append("<dl class=\"legend\">\n")
                .append("<div><dt class=\"cell full\">✓</dt><dd>full marks</dd></div>\n")
                .append("<div><dt class=\"cell partial\">◐</dt><dd>some marks</dd></div>\n")
                .append("<div><dt class=\"cell none\">✗</dt><dd>no marks</dd></div>\n")
                .append("<div><dt class=\"cell error\">⚠</dt><dd>did not compile</dd></div>\n")
                .append("<div><dt class=\"cell missing\">—</dt><dd>not handed in or not graded</dd></div>\n")
                .append("<div><dt><span class=\"bar\"><span class=\"passed\" style=\"width:60%\"></span></span></dt>")
                .append("<dd>solid: passed, striped: failed</dd></div>\n")
                .append("</dl>\n");
    }

    private static void exercise(StringBuilder html, ExerciseTally tally, String anchor) {
        html.append("<section class=\"exercise-tally\" id=\"").append(anchor).append("\">\n<h3>").append(Html.escape(tally.exercise()))
                .append("</h3>\n<p>").append(count(tally.submissions(), "submission"));
        if (tally.notCompiled() > 0) {
            html.append(", of which ").append(tally.notCompiled()).append(" did not compile (and so failed every check)");
        }
        html.append(".</p>\n");
        if (tally.submissions() == 0) {
            html.append("</section>\n");
            return;
        }
        ScoreChart.render(html, tally.scores());
        html.append("<div class=\"scroll\"><table class=\"checks\">\n<thead><tr><th>check, most failed first</th><th>passed</th>")
                .append("<th>share</th></tr></thead>\n<tbody>\n");
        tally.checks().forEach(check -> row(html, check));
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void row(StringBuilder html, CheckTally check) {
        html.append("<tr class=\"tally\"><td>").append(Html.escape(check.check().name()));
        if (check.check().hidden()) {
            html.append(" <span class=\"hidden\">hidden</span>");
        }
        html.append("</td><td class=\"count\">").append(check.passed()).append(" of ").append(check.of()).append("</td>")
                .append("<td><span class=\"bar\" title=\"").append(check.failed()).append(" failed\"><span class=\"passed\" style=\"width:")
                .append(check.percent()).append("%\"></span></span></td></tr>\n");
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
