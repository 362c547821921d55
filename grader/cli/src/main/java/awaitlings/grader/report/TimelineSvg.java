package awaitlings.grader.report;

import awaitlings.grader.model.CallBar;
import java.util.List;

/**
 * A failed check's calls as an inline SVG: one row per call with its label and thread, a bar on a shared axis in ms,
 * and how it ended told by a pattern and a symbol as well as by colour (✗ failed, ⊘ interrupted or cancelled, →
 * still in flight). Hovering a bar shows its label, thread, start, end and ending.
 */
final class TimelineSvg {

    static final int MAX_ROWS = 40;
    private static final int ROW = 18;
    private static final int LABEL = 190;
    private static final int AXIS = 480;
    private static final int TOP = 20;

    private TimelineSvg() {
    }

    /** Renders {@code bars}; nothing when there are none. */
    static void render(StringBuilder html, List<CallBar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        List<CallBar> shown = bars.subList(0, Math.min(MAX_ROWS, bars.size()));
        long span = Math.max(1, bars.stream().mapToLong(CallBar::end).max().orElse(1));
        int width = LABEL + AXIS + 30;
        int height = TOP + shown.size() * ROW + 4;
        html.append("<figure class=\"timeline\">\n<svg class=\"calls\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(shown.size()).append(" calls over ").append(span).append(" ms\">\n");
        for (int tick = 0; tick <= 4; tick++) {
            int x = LABEL + AXIS * tick / 4;
            String end = tick == 0 ? " first" : tick == 4 ? " last" : "";
            html.append("<text class=\"tick").append(end).append("\" x=\"").append(x).append("\" y=\"12\">").append(span * tick / 4)
                    .append(" ms</text>")
                    .append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"14\" x2=\"").append(x).append("\" y2=\"").append(height)
                    .append("\"/>\n");
        }
        for (int row = 0; row < shown.size(); row++) {
            CallBar bar = shown.get(row);
            int y = TOP + row * ROW;
            int x = LABEL + (int) (AXIS * bar.start() / span);
            int w = Math.max(2, (int) (AXIS * (bar.end() - bar.start()) / span));
            String ending = bar.ending().replace(' ', '-');
            html.append("<text class=\"call\" x=\"0\" y=\"").append(y + 12).append("\">").append(Html.escape(shorten(bar.label())))
                    .append(" [").append(Html.escape(shorten(bar.thread()))).append("]</text>")
                    .append("<rect class=\"call-bar ").append(Html.escape(ending)).append("\" x=\"").append(x).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(w).append("\" height=\"").append(ROW - 6).append("\"><title>")
                    .append(Html.escape(bar.label())).append(" on ").append(Html.escape(bar.thread())).append(": ").append(bar.start())
                    .append("–").append(bar.end()).append(" ms, ").append(Html.escape(bar.ending())).append("</title></rect>")
                    .append("<text class=\"ending\" x=\"").append(x + w + 3).append("\" y=\"").append(y + 12).append("\">")
                    .append(mark(bar.ending())).append("</text>\n");
        }
        html.append("</svg>\n<figcaption>").append(bars.size() > shown.size() ? "the first " + shown.size() + " of " + bars.size()
                : String.valueOf(bars.size())).append(" calls; ✗ failed · ⊘ interrupted or cancelled · → still in flight at the end")
                .append("</figcaption>\n</figure>\n");
    }

    private static String mark(String ending) {
        return switch (ending) {
            case "failed" -> "✗";
            case "interrupted", "cancelled" -> "⊘";
            case CallBar.IN_FLIGHT -> "→";
            default -> "";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 24 ? text : text.substring(0, 23) + "…";
    }
}
