package awaitlings.grader.learn;

import awaitlings.grader.files.AtomicFile;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner's progress, in one small file of their clone that git ignores ({@value #FILE}): for each exercise
 * checked so far, its last score, the task of its first failing check, and the hints already shown. It survives
 * restarts; deleting it only forgets.
 */
public final class Journal {

    public static final String FILE = ".awaitlings-progress.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern TASK = Pattern.compile("^task (\\d+)\\b");

    /**
     * What is known of one exercise.
     *
     * @param score       points of the last check
     * @param maxScore    points there are
     * @param failingTask the task of the first failing check; 0 when none failed or it names no task
     * @param hintsShown  the hints shown so far, as {@code task.number}
     */
    public record Entry(int score, int maxScore, boolean done, int failingTask, List<String> hintsShown) {
        public Entry {
            hintsShown = hintsShown == null ? List.of() : List.copyOf(hintsShown);
        }
    }

    /** The file's content: a map from exercise folder to what is known of it. */
    record Content(Map<String, Entry> exercises) {
        Content {
            exercises = exercises == null ? new TreeMap<>() : new TreeMap<>(exercises);
        }
    }

    private final Path file;
    private final Map<String, Entry> exercises;

    private Journal(Path file, Map<String, Entry> exercises) {
        this.file = file;
        this.exercises = exercises;
    }

    /** The journal of the clone at {@code root}; empty when there is none yet, or when it cannot be read. */
    public static Journal of(Path root) {
        Path file = root.resolve(FILE);
        try {
            return new Journal(file, Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Content.class).exercises() : new TreeMap<>());
        } catch (IOException unreadable) {
            return new Journal(file, new TreeMap<>()); // a broken journal only forgets
        }
    }

    public Optional<Entry> get(String exercise) {
        return Optional.ofNullable(exercises.get(exercise));
    }

    public boolean done(String exercise) {
        return get(exercise).map(Entry::done).orElse(false);
    }

    /** Records what a check of the exercise found, keeping the hints shown. */
    public void record(ExerciseResult result) throws IOException {
        List<String> hints = get(result.exercise()).map(Entry::hintsShown).orElse(List.of());
        exercises.put(result.exercise(), new Entry(result.score(), result.maxScore(), passes(result), failingTask(result), hints));
        save();
    }

    /** Records that the hint {@code id} of the exercise was shown. */
    public void hintShown(String exercise, String id) throws IOException {
        Entry entry = get(exercise).orElse(new Entry(0, 0, false, 0, List.of()));
        List<String> hints = new ArrayList<>(entry.hintsShown());
        hints.add(id);
        exercises.put(exercise, new Entry(entry.score(), entry.maxScore(), entry.done(), entry.failingTask(), hints));
        save();
    }

    /** Whether the exercise compiled and every one of its checks passed. */
    static boolean passes(ExerciseResult result) {
        return result.compileError().isEmpty() && !result.verdicts().isEmpty() && result.verdicts().stream().allMatch(Verdict::passed);
    }

    /** The task named by the first failing check's name ("task 3 · …"), else 0. */
    static int failingTask(ExerciseResult result) {
        return result.verdicts().stream().filter(v -> !v.passed()).findFirst().map(v -> {
            Matcher task = TASK.matcher(v.check().name());
            return task.find() ? Integer.parseInt(task.group(1)) : 0;
        }).orElse(0);
    }

    private void save() throws IOException {
        AtomicFile.write(file, JSON.writeValueAsString(new Content(exercises)));
    }
}
