package awaitlings.grader.report;

import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionFlags;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page for the instructor, readable from the file system. First the class at
 * a glance ({@link ClassViewHtml}); then a table of submissions × exercises (score/max per cell, marked with a symbol
 * as well as a colour, then the total and the flags); each cell links to that submission's section, which lists per
 * exercise the failing checks with their messages and hints, javac's diagnostics, tampered files, the grader's notes
 * and what the code printed. Inline CSS only, no script, no external resource: the page's Content-Security-Policy
 * forbids them, so even a message that slipped through unescaped could not run or fetch. It reads on a phone: wide
 * tables scroll inside their own box, never the page. Anchors are numbered ({@code s2}, {@code s2-e1}) because
 * submission ids may hold any character.
 */
final class HtmlReport {

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
            h1, h2, h3, p, li, dd, figcaption { overflow-wrap: anywhere; }
            .scroll { overflow-x: auto; max-width: 100%; margin-bottom: 2em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #c8c8cc; padding: .3em .7em; text-align: left; vertical-align: top; }
            thead th { background: #f0f0f3; }
            td.cell, td.total, td.count { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .full { background: #dff3e3; } .partial { background: #fdf3d6; }
            .none { background: #fbe0de; } .error { background: #f3d9f5; }
            .mark { display: inline-block; min-width: 1.1em; text-align: center; }
            td.total { font-weight: bold; }
            a { color: inherit; }
            .legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; margin: 0 0 1.5em; }
            .legend div { display: flex; align-items: center; gap: .4em; }
            .legend dt { min-width: 1.2em; padding: 0 .3em; text-align: center; border: 1px solid #c8c8cc; }
            .legend dd { margin: 0; }
            .bar { display: inline-block; width: 8em; height: .9em; vertical-align: middle; border: 1px solid #7a7a80;
                   background: repeating-linear-gradient(135deg, #e0645a 0 3px, #fbe0de 3px 7px); }
            .bar .passed { display: block; height: 100%; background: #3d8a4e; }
            .flag-count { white-space: nowrap; }
            figure.chart { margin: .5em 0 1em; }
            svg.scores { max-width: 100%; height: auto; }
            svg.scores rect { fill: #4a6fae; }
            svg.scores text { font-size: 10px; text-anchor: middle; fill: #1d1d1f; }
            figcaption { font-size: .85em; color: #55555e; }
            .said pre { white-space: pre; overflow-x: auto; font-size: .85em; }
            figure.timeline { margin: .5em 0 1em; }
            svg.calls { max-width: 100%; height: auto; }
            svg.calls text { font-size: 11px; fill: #1d1d1f; }
            svg.calls text.tick { font-size: 10px; fill: #55555e; text-anchor: middle; }
            svg.calls text.tick.first { text-anchor: start; } svg.calls text.tick.last { text-anchor: end; }
            svg.calls line.grid { stroke: #e0e0e4; }
            svg.calls rect.call-bar { fill: #4a6fae; }
            svg.calls rect.failed { fill: #c0392b; }
            svg.calls rect.interrupted, svg.calls rect.cancelled { fill: #8e6c00; }
            svg.calls rect.in-flight { fill: #7a7a80; }
            section.submission { border-top: 2px solid #c8c8cc; margin-top: 2em; }
            pre { background: #f6f6f8; padding: .6em; white-space: pre-wrap; overflow-wrap: anywhere; }
            .failure { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 1em; align-items: start; }
            .hint { margin: 1em 0; padding: .6em; border-left: 4px solid #4a6fae; background: #eef2fa; }
            .hidden { font-size: .8em; background: #5b5b66; color: #fff; border-radius: 3px; padding: 0 .4em; }
            .warning { color: #9a2b1e; }
            @media (max-width: 40em) {
              body { margin: .8em; }
              .failure { grid-template-columns: minmax(0, 1fr); }
              .hint { margin-top: 0; }
            }
            """;

    /** What each shade of a cell means, as a symbol, so that a cell does not say it by its colour alone. */
    private static final Map<String, String> MARKS = Map.of("full", "✓", "partial", "◐", "none", "✗", "error", "⚠");

    private HtmlReport() {
    }

    static String render(List<SubmissionResult> all, List<String> exercises) {
        List<SubmissionResult> sorted = all.stream().sorted(Comparator.comparing(SubmissionResult::id)).toList();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>awaitlings · grades</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>awaitlings · grades</h1>\n<p>").append(sorted.size()).append(sorted.size() == 1 ? " submission, " : " submissions, ")
                .append(exercises.size()).append(exercises.size() == 1 ? " exercise.</p>\n" : " exercises.</p>\n");
        ClassViewHtml.render(html, ClassView.of(sorted, exercises));
        html.append("<h2 id=\"grades\">Submissions</h2>\n");
        table(html, sorted, exercises);
        for (int s = 0; s < sorted.size(); s++) {
            submission(html, sorted.get(s), "s" + (s + 1), exercises);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, List<SubmissionResult> sorted, List<String> exercises) {
        html.append("<div class=\"scroll\"><table class=\"grades\">\n<thead><tr><th>submission</th>");
        exercises.forEach(exercise -> html.append("<th>").append(Html.escape(exercise)).append("</th>"));
        html.append("<th>total</th><th>flags</th></tr></thead>\n<tbody>\n");
        for (int s = 0; s < sorted.size(); s++) {
            SubmissionResult result = sorted.get(s);
            String anchor = "s" + (s + 1);
            html.append("<tr><th scope=\"row\"><a href=\"#").append(anchor).append("\">").append(Html.escape(result.id())).append("</a></th>");
            for (int e = 0; e < exercises.size(); e++) {
                Optional<ExerciseResult> exercise = Gradebook.find(result, exercises.get(e));
                if (exercise.isEmpty()) {
                    html.append("<td class=\"cell missing\">—</td>");
                } else if (exercise.get().needsNewerJdk()) {
                    html.append("<td class=\"cell missing\">").append(exercise.get().needsJdkText()).append("</td>");
                } else {
                    String shade = shade(exercise.get());
                    html.append("<td class=\"cell ").append(shade).append("\"><span class=\"mark\">").append(MARKS.get(shade))
                            .append("</span> <a href=\"#").append(anchor).append("-e").append(e + 1)
                            .append("\">").append(exercise.get().score()).append('/').append(exercise.get().maxScore()).append("</a></td>");
                }
            }
            html.append("<td class=\"total\">").append(result.score()).append('/').append(result.maxScore()).append("</td>")
                    .append("<td class=\"flags\">").append(Html.escape(String.join("; ", SubmissionFlags.of(result)))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    private static String shade(ExerciseResult exercise) {
        if (!exercise.compileError().isEmpty()) {
            return "error";
        }
        if (exercise.score() == exercise.maxScore()) {
            return "full";
        }
        return exercise.score() == 0 ? "none" : "partial";
    }

    private static void submission(StringBuilder html, SubmissionResult result, String anchor, List<String> exercises) {
        html.append("<section class=\"submission\" id=\"").append(anchor).append("\">\n<h2>").append(Html.escape(result.id()))
                .append(" · ").append(result.score()).append('/').append(result.maxScore()).append("</h2>\n");
        if (!result.graded()) {
            html.append("<p class=\"warning\">Could not be graded: ").append(Html.escape(result.gradingError()))
                    .append(". A new run of the grader tries again.</p>\n");
        }
        if (!result.tampered().isEmpty()) {
            html.append("<p class=\"warning\">Changed the course's files or brought files that would stand in for its checks"
                    + " (not used; the course's own were graded):</p>\n");
            list(html, result.tampered());
        }
        if (!result.notes().isEmpty()) {
            html.append("<p>Notes:</p>\n");
            list(html, result.notes());
        }
        for (int e = 0; e < exercises.size(); e++) {
            Optional<ExerciseResult> exercise = Gradebook.find(result, exercises.get(e));
            if (exercise.isPresent()) {
                exercise(html, exercise.get(), anchor + "-e" + (e + 1));
            }
        }
        if (!result.output().isEmpty()) {
            html.append("<details><summary>What the code printed</summary>\n<pre>").append(Html.escape(result.output())).append("</pre>\n</details>\n");
        }
        html.append("<p><a href=\"#grades\">back to the submissions</a></p>\n</section>\n");
    }

    private static void exercise(StringBuilder html, ExerciseResult exercise, String anchor) {
        html.append("<section class=\"exercise\" id=\"").append(anchor).append("\">\n<h3>").append(Html.escape(exercise.exercise()))
                .append(" · ").append(exercise.score()).append('/').append(exercise.maxScore()).append("</h3>\n");
        if (exercise.needsNewerJdk()) {
            html.append("<p>Not graded: it ").append(exercise.needsJdkText()).append(", newer than the grader's.</p>\n</section>\n");
            return;
        }
        if (exercise.crashed()) {
            html.append("<p class=\"warning\">A check ended the test JVM (System.exit, a crash or running out of memory).</p>\n");
        }
        if (exercise.timedOut()) {
            html.append("<p class=\"warning\">A check was stopped by a time limit.</p>\n");
        }
        if (!exercise.compileError().isEmpty()) {
            // Every check's message repeats the diagnostics: show them once.
            html.append("<p class=\"warning\">Did not compile: none of its ").append(exercise.verdicts().size())
                    .append(" checks could run.</p>\n<pre>").append(Html.escape(exercise.compileError())).append("</pre>\n</section>\n");
            return;
        }
        List<Verdict> failing = exercise.verdicts().stream().filter(verdict -> !verdict.passed()).toList();
        if (failing.isEmpty()) {
            html.append("<p>Every check passed.</p>\n</section>\n");
            return;
        }
        html.append("<ul class=\"failing\">\n");
        for (Verdict verdict : failing) {
            html.append("<li><strong><span class=\"mark\">✗</span> ").append(Html.escape(verdict.check().name())).append("</strong>");
            if (verdict.check().hidden()) {
                html.append(" <span class=\"hidden\">hidden</span>");
            }
            html.append(" · 0/").append(verdict.check().points()).append('\n');
            failure(html, verdict);
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /**
     * The message as it was written, in a {@code <pre>}, with the timeline its check drew, if any; beside it, or below
     * it on a narrow screen, the hint if any.
     */
    private static void failure(StringBuilder html, Verdict verdict) {
        StringBuilder chart = new StringBuilder();
        TimelineSvg.render(chart, verdict.timeline());
        String said = "<pre>" + Html.escape(verdict.message()) + "</pre>";
        String message = chart.isEmpty() ? said : "<div class=\"said\">" + said + chart + "</div>";
        if (verdict.hint().isEmpty()) {
            html.append(message);
            return;
        }
        html.append("<div class=\"failure\">").append(message).append("<p class=\"hint\"><strong>Hint:</strong> ")
                .append(Html.escape(verdict.hint())).append("</p></div>");
    }

    private static void list(StringBuilder html, List<String> items) {
        html.append("<ul>\n");
        items.forEach(item -> html.append("<li>").append(Html.escape(item)).append("</li>\n"));
        html.append("</ul>\n");
    }
}
