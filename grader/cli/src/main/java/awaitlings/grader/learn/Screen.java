package awaitlings.grader.learn;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.ExerciseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the learner reads: an exercise's checks after a recheck, the course as a list, the progress bar. Plain text
 * for any terminal; ✓ and ✗ carry the verdict, never colour alone.
 */
public final class Screen {

    static final int WIDTH = 100;
    private static final int BAR = 30;
    private static final int MESSAGE_LINES = 14;
    private static final int ERROR_LINES = 20;

    private final Course course;

    public Screen(Course course) {
        this.course = course;
    }

    /** One exercise after a recheck: title, file to edit, the checks, the first failure, the course's progress. */
    public String exercise(ExerciseResult result, Journal journal) {
        String exercise = result.exercise();
        StringBuilder out = new StringBuilder();
        line(out, rule("─ " + title(exercise) + " "));
        filesToEdit(exercise).forEach(file -> line(out, "Edit  " + file));
        line(out, "");
        if (result.needsNewerJdk()) {
            line(out, "This exercise " + result.needsJdkText() + ": run the course on a newer JDK to check it.");
        } else if (!result.compileError().isEmpty()) {
            line(out, "✗ your code does not compile, so no check could run. javac says:");
            indented(out, result.compileError(), ERROR_LINES);
        } else {
            result.verdicts().forEach(v -> line(out, "  " + (v.passed() ? "✓ " : "✗ ") + v.check().name()));
            result.verdicts().stream().filter(v -> !v.passed()).findFirst().ifPresentOrElse(first -> {
                line(out, "");
                line(out, "First to fix: " + first.check().name());
                indented(out, first.message(), MESSAGE_LINES);
            }, () -> {
                line(out, "");
                line(out, "All " + result.verdicts().size() + " checks pass · " + result.score() + " of " + result.maxScore() + " points.");
            });
        }
        line(out, "");
        line(out, progress(journal));
        return out.toString();
    }

    /** Every exercise: done ✓, failing ✗ with its points, or not checked yet. */
    public String list(Journal journal) {
        StringBuilder out = new StringBuilder();
        for (String exercise : course.exercises()) {
            String status = journal.get(exercise).map(e -> (e.done() ? "✓ " : "✗ ") + pad(exercise) + e.score() + " of "
                    + e.maxScore() + " points").orElse("· " + pad(exercise) + "not checked yet");
            line(out, "  " + status);
        }
        line(out, progress(journal));
        return out.toString();
    }

    /** {@code course [████░░░░] 3 of 16 exercises done}. */
    public String progress(Journal journal) {
        List<String> all = course.exercises();
        long done = all.stream().filter(journal::done).count();
        int filled = all.isEmpty() ? 0 : (int) (done * BAR / all.size());
        return "course [" + "█".repeat(filled) + "░".repeat(BAR - filled) + "] " + done + " of " + all.size() + " exercises done";
    }

    /** The README's first line without its {@code #}, else the folder name. */
    public String title(String exercise) {
        Path readme = course.exercise(exercise).resolve("README.md");
        try {
            return Files.isRegularFile(readme)
                    ? Files.readAllLines(readme).stream().findFirst().map(l -> l.replaceFirst("^#+\\s*", "")).orElse(exercise)
                    : exercise;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise's sources that still say {@code TODO:}, else all of them; relative to the course. */
    public List<String> filesToEdit(String exercise) {
        Path sources = course.exercise(exercise).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            List<Path> todo = java.stream().filter(Screen::saysTodo).toList();
            return (todo.isEmpty() ? java : todo).stream()
                    .map(f -> course.root().relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean saysTodo(Path file) {
        try {
            return Files.readString(file).contains("TODO:");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String rule(String head) {
        return head + "─".repeat(Math.max(3, WIDTH - head.length()));
    }

    private static String pad(String exercise) {
        return String.format("%-28s", exercise);
    }

    private static void indented(StringBuilder out, String text, int maxLines) {
        List<String> lines = text.strip().lines().toList();
        lines.stream().limit(maxLines).forEach(l -> line(out, "    " + l));
        if (lines.size() > maxLines) {
            line(out, "    …and " + (lines.size() - maxLines) + " more lines");
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}
