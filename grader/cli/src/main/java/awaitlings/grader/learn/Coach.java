package awaitlings.grader.learn;

import awaitlings.grader.model.Course;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** What to do now, and the next hint: read from the journal, so that it follows the learner across restarts. */
public final class Coach {

    private final Course course;
    private final Journal journal;

    public Coach(Course course, Journal journal) {
        this.course = course;
        this.journal = journal;
    }

    /** The first exercise in course order that is not done; empty when all are. */
    public Optional<String> current() {
        return course.exercises().stream().filter(exercise -> !journal.done(exercise)).findFirst();
    }

    /**
     * Shows the next hint of {@code exercise} and remembers it was shown: the next one for the task its first failing
     * check belongs to, else the next one in the README's order.
     */
    public String revealHint(String exercise) throws IOException {
        Hints hints = Hints.of(course.exercise(exercise));
        Journal.Entry entry = journal.get(exercise).orElse(new Journal.Entry(0, 0, false, 0, List.of()));
        Optional<Hints.Hint> next = hints.next(entry.failingTask(), new HashSet<>(entry.hintsShown()));
        if (next.isEmpty()) {
            return hints.all().isEmpty() ? "The README of " + exercise + " has no hints."
                    : "You have seen all " + hints.all().size() + " hints of " + exercise
                    + ": reread them in its README, or the concept section above its tasks.";
        }
        journal.hintShown(exercise, next.get().id());
        return "Hint " + next.get().id() + " (" + (entry.hintsShown().size() + 1) + " of " + hints.all().size() + " for "
                + exercise + ")" + System.lineSeparator() + next.get().text();
    }

    /** What to do now, in a few lines. */
    public String nextStep() {
        Optional<String> current = current();
        if (current.isEmpty()) {
            return "Every exercise is done. Well done: compare your answers with a classmate's, or try another style.";
        }
        String exercise = current.get();
        Screen screen = new Screen(course);
        StringBuilder out = new StringBuilder("Next: " + screen.title(exercise) + System.lineSeparator());
        journal.get(exercise).ifPresentOrElse(
                entry -> out.append("  last check: ").append(entry.score()).append(" of ").append(entry.maxScore())
                        .append(" points").append(entry.failingTask() > 0 ? ", task " + entry.failingTask() + " fails first" : "")
                        .append(System.lineSeparator()),
                () -> out.append("  read exercises/").append(exercise).append("/README.md, then edit:").append(System.lineSeparator()));
        screen.filesToEdit(exercise).forEach(file -> out.append("  ").append(file).append(System.lineSeparator()));
        String number = exercise.substring(0, exercise.indexOf('-') < 0 ? exercise.length() : exercise.indexOf('-'));
        out.append("  recheck on every save: grader/learn watch ").append(number).append(" · a hint: grader/learn hint ").append(number);
        return out.toString();
    }
}
