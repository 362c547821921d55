package awaitlings.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lincheck's detailed trace of a broken run, folded to the learner's own steps: one column per thread the check
 * started (the harness's main thread left out), and in it the calls into the learner's code and every step made
 * in that code (reads ➜, writes =, calls), the JDK's and the harness's insides folded away, in the order they ran.
 */
final class InterleavingTrace {

    /** Enough for any race of the course; a longer run ends with how many steps were left out. */
    static final int MAX_ROWS = 30;
    /** The trace fits 100 columns in the banner, which indents it by 4. */
    private static final int WIDTH = 96;
    private static final Pattern LOCATION = Pattern.compile("^(.*) at ([\\w.$]+)\\.([\\w$<>]+)\\([^()]*\\)$");

    private InterleavingTrace() {
    }

    /** One row of the trace: which thread column, how deep in its calls, what happened, and in which class. */
    record Step(int column, int depth, String text, String where) {
    }

    /**
     * The folded trace of {@code report}, Lincheck's message, for code whose classes Lincheck names {@code own}
     * ({@code LazyTask}, {@code Outer.Inner}); empty when the report has no detailed trace. The threads the check
     * started are "thread 1", "thread 2"… in the order it gave them; any other is a thread of the learner's code.
     */
    static String of(String report, Set<String> own) {
        List<String> headers = new ArrayList<>();
        List<Step> steps = parse(report, headers);
        List<Step> kept = fold(steps, own);
        if (kept.isEmpty()) {
            return "";
        }
        return render(kept, labels(steps, headers.size()));
    }

    /** What each column is called: the check's threads by their order, the others as the learner's code's. */
    private static List<String> labels(List<Step> steps, int columns) {
        List<Integer> checks = new ArrayList<>();
        for (int column = 1; column < columns; column++) {
            int c = column;
            if (steps.stream().anyMatch(step -> step.column() == c && step.where().startsWith(Interleavings.class.getSimpleName()))) {
                checks.add(column);
            }
        }
        long others = columns - 1 - checks.size();
        List<String> labels = new ArrayList<>(List.of("main"));
        int other = 0;
        for (int column = 1; column < columns; column++) {
            labels.add(checks.contains(column) ? "thread " + (checks.indexOf(column) + 1)
                    : others == 1 ? "your code's thread" : "your code's thread " + ++other);
        }
        return labels;
    }

    /** The steps of the first table after "Detailed trace:", its thread columns' headers into {@code headers}. */
    static List<Step> parse(String report, List<String> headers) {
        List<Step> steps = new ArrayList<>();
        int start = report.indexOf("Detailed trace:");
        if (start < 0) {
            return steps;
        }
        List<Integer> bars = null;
        int borders = 0;
        for (String line : report.substring(start).split("\\R")) {
            if (!line.startsWith("|")) {
                if (borders > 0) {
                    break;
                }
                continue;
            }
            if (line.startsWith("| ---")) {
                if (++borders == 3) {
                    break;
                }
                continue;
            }
            if (bars == null) {
                bars = bars(line);
                for (int column = 0; column + 1 < bars.size(); column++) {
                    headers.add(line.substring(bars.get(column) + 1, bars.get(column + 1)).strip());
                }
                continue;
            }
            for (int column = 0; column + 1 < bars.size() && bars.get(column + 1) <= line.length(); column++) {
                String cell = line.substring(bars.get(column) + 2, bars.get(column + 1)).stripTrailing();
                if (!cell.isBlank()) {
                    int indent = cell.length() - cell.stripLeading().length();
                    Matcher at = LOCATION.matcher(cell.strip());
                    steps.add(at.matches() ? new Step(column, indent / 2, at.group(1), at.group(2))
                            : new Step(column, indent / 2, cell.strip(), ""));
                }
            }
        }
        return steps;
    }

    private static List<Integer> bars(String header) {
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == '|') {
                bars.add(i);
            }
        }
        return bars;
    }

    /**
     * The steps of the threads the check started (column 0 is the harness's own) that the learner's code made, and
     * each call into that code, depths counted from that call, never more than one deeper than the step before.
     */
    static List<Step> fold(List<Step> steps, Set<String> own) {
        List<Step> kept = new ArrayList<>();
        int[] entryDepth = new int[64];
        int[] lastDepth = new int[64];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int column = step.column();
            if (column == 0 || column >= entryDepth.length || isLoopMarker(step.text())) {
                continue;
            }
            if (own.contains(step.where())) {
                int depth = Math.min(Math.max(1, step.depth() - entryDepth[column]), lastDepth[column] + 1);
                lastDepth[column] = depth;
                kept.add(new Step(column, depth, inWords(step.text()), step.where()));
            } else if (entersOwnCode(steps, i, own)) {
                entryDepth[column] = step.depth();
                lastDepth[column] = 0;
                kept.add(new Step(column, 0, withoutReceiver(step.text()), step.where()));
            }
        }
        return kept;
    }

    /** Lincheck's rows that group a loop's steps ({@code loop(3 iterations)}, {@code <iteration 1>}), not steps. */
    private static boolean isLoopMarker(String text) {
        return text.startsWith("loop(") || text.startsWith("<iteration");
    }

    /** Whether the next step of the same thread is one level deeper and in the learner's code. */
    private static boolean entersOwnCode(List<Step> steps, int index, Set<String> own) {
        Step call = steps.get(index);
        for (int i = index + 1; i < steps.size(); i++) {
            Step next = steps.get(i);
            if (next.column() == call.column()) {
                return next.depth() == call.depth() + 1 && own.contains(next.where());
            }
        }
        return false;
    }

    /** Lincheck's names of the steps that are not calls, in the learner's words. */
    private static String inWords(String step) {
        return switch (step) {
            case "MONITORENTER" -> "enters synchronized";
            case "MONITOREXIT" -> "leaves synchronized";
            default -> step;
        };
    }

    /** {@code start(): Object#3} of {@code race.task.start(): Object#3}: the check's own names mean nothing here. */
    private static String withoutReceiver(String call) {
        int paren = call.indexOf('(');
        int dot = paren < 0 ? -1 : call.lastIndexOf('.', paren);
        return dot < 0 ? call : call.substring(dot + 1);
    }

    /** The steps in columns side by side, each as wide as it needs, together at most {@link #WIDTH} wide. */
    private static String render(List<Step> steps, List<String> labels) {
        List<Step> shown = steps.subList(0, Math.min(steps.size(), MAX_ROWS));
        List<Integer> columns = shown.stream().map(Step::column).distinct().sorted().toList();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            int column = columns.get(i);
            widths[i] = Math.max(labels.get(column).length(),
                    shown.stream().filter(step -> step.column() == column).mapToInt(step -> 2 * step.depth() + step.text().length()).max().orElse(0));
        }
        fit(widths, WIDTH - 4 - 2 * (widths.length - 1));
        StringBuilder out = new StringBuilder("    ");
        for (int i = 0; i < widths.length; i++) {
            out.append(pad(labels.get(columns.get(i)), widths[i] + 2));
        }
        stripTrailing(out);
        for (Step step : shown) {
            int i = columns.indexOf(step.column());
            out.append(System.lineSeparator()).append("    ");
            for (int before = 0; before < i; before++) {
                out.append(" ".repeat(widths[before] + 2));
            }
            out.append(cut("  ".repeat(step.depth()) + step.text(), widths[i]));
        }
        if (steps.size() > shown.size()) {
            out.append(System.lineSeparator()).append("    …and ").append(steps.size() - shown.size()).append(" more steps");
        }
        return out.toString();
    }

    /** Narrows the widest of {@code widths} until together they take at most {@code room}. */
    private static void fit(int[] widths, int room) {
        while (Arrays.stream(widths).sum() > room) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                widest = widths[i] > widths[widest] ? i : widest;
            }
            widths[widest]--;
        }
    }

    private static void stripTrailing(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text.stripTrailing() : text.substring(0, width - 1) + "…";
    }
}
