package awaitlings.grader.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The learner's version of the course's own text. Two rules, and no others: a block from a line
 * {@value #OPEN} to a line {@value #CLOSE} (a comment in Markdown and in a pom alike) is left out of any file, and
 * the root README's {@code ## } sections named in {@link #INSTRUCTOR_SECTIONS} are left out of it, each up to the
 * next {@code ## } heading.
 */
final class LearnerText {

    static final String OPEN = "<!-- instructor-only -->";
    static final String CLOSE = "<!-- /instructor-only -->";

    /** The root README's sections that only whoever runs the course reads. */
    static final List<String> INSTRUCTOR_SECTIONS = List.of("For instructors", "For contributors");

    private LearnerText() {
    }

    /**
     * {@code text} without its instructor-only blocks.
     *
     * @param file what to name in the error, when a block is left open or a close comes without an open
     */
    static String withoutInstructorBlocks(String text, String file) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> kept = new ArrayList<>();
        int openedAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(OPEN)) {
                if (openedAt >= 0) {
                    throw new IllegalStateException(file + ": line " + (i + 1) + " opens an instructor-only block inside the one of line " + (openedAt + 1));
                }
                openedAt = i;
            } else if (line.equals(CLOSE)) {
                if (openedAt < 0) {
                    throw new IllegalStateException(file + ": line " + (i + 1) + " closes an instructor-only block that was never opened");
                }
                openedAt = -1;
                // A block set off by blank lines on both sides would leave two: keep one.
                if (i + 1 < lines.size() && lines.get(i + 1).isBlank() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                    i++;
                }
            } else if (openedAt < 0) {
                kept.add(lines.get(i));
            }
        }
        if (openedAt >= 0) {
            throw new IllegalStateException(file + ": the instructor-only block of line " + (openedAt + 1) + " is never closed");
        }
        return String.join("\n", kept);
    }

    /**
     * The root README for learners: without its instructor-only blocks and sections. A fenced code block's lines are
     * never headings.
     *
     * @throws IllegalStateException when a section to leave out is not there, so that a renamed heading fails the
     *     export instead of shipping what it holds
     */
    static String readme(String text, String file) {
        Set<String> missing = new LinkedHashSet<>(INSTRUCTOR_SECTIONS);
        List<String> kept = new ArrayList<>();
        boolean inFence = false;
        boolean leftOut = false;
        for (String line : withoutInstructorBlocks(text, file).split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("## ")) {
                String heading = line.substring(3).strip();
                leftOut = INSTRUCTOR_SECTIONS.contains(heading);
                missing.remove(heading);
            }
            if (!leftOut) {
                kept.add(line);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(file + " has no section '## " + String.join("' nor '## ", missing)
                    + "' to leave out of the learners' copy");
        }
        return String.join("\n", kept);
    }
}
