package awaitlings.grader.report;

import java.util.Collections;
import java.util.List;

/**
 * How an exercise's scores spread over a class, as an inline SVG histogram: one column per score from 0 to the most
 * points, its height the number of submissions that scored it, with the number written above it and the score
 * below, so the chart reads without its colour and without hovering. It shrinks to fit a narrow screen.
 */
final class ScoreChart {

    private static final int COLUMN = 24;
    private static final int GAP = 4;
    private static final int TALLEST = 60;
    private static final int LABEL = 14;

    private ScoreChart() {
    }

    /** Renders {@code scores}: how many submissions scored 0, 1, …; nothing when no submission scored. */
    static void render(StringBuilder html, List<Integer> scores) {
        int most = Collections.max(scores);
        if (most == 0) {
            return;
        }
        int width = scores.size() * COLUMN;
        int height = TALLEST + 2 * LABEL;
        html.append("<figure class=\"chart\">\n<svg class=\"scores\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(label(scores)).append("\">\n");
        for (int score = 0; score < scores.size(); score++) {
            int count = scores.get(score);
            int bar = count == 0 ? 0 : Math.max(1, TALLEST * count / most);
            int x = score * COLUMN + GAP / 2;
            int middle = score * COLUMN + COLUMN / 2;
            html.append("<rect x=\"").append(x).append("\" y=\"").append(LABEL + TALLEST - bar).append("\" width=\"").append(COLUMN - GAP)
                    .append("\" height=\"").append(bar).append("\"><title>").append(ClassViewHtml.count(count, "submission"))
                    .append(" scored ").append(score).append("</title></rect>")
                    .append("<text x=\"").append(middle).append("\" y=\"").append(LABEL + TALLEST - bar - 3).append("\">").append(count)
                    .append("</text><text class=\"score\" x=\"").append(middle).append("\" y=\"").append(height - 3).append("\">")
                    .append(score).append("</text>\n");
        }
        html.append("</svg>\n<figcaption>submissions per score, 0 to ").append(scores.size() - 1).append(" points</figcaption>\n</figure>\n");
    }

    private static String label(List<Integer> scores) {
        StringBuilder label = new StringBuilder("submissions per score:");
        for (int score = 0; score < scores.size(); score++) {
            label.append(score == 0 ? " " : ", ").append("score ").append(score).append(": ")
                    .append(ClassViewHtml.count(scores.get(score), "submission"));
        }
        return label.toString();
    }
}
