package awaitlings.grader.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hints of an exercise's README, in the order they are written: {@code <details><summary>Hint 2.1</summary>…}
 * is the first hint for task 2. They go from a nudge to nearly the answer, so they are shown one at a time.
 */
public record Hints(List<Hint> all) {

    private static final Pattern HINT = Pattern.compile(
            "<details>\\s*<summary>\\s*Hint\\s+(\\d+)\\.(\\d+)\\s*</summary>(.*?)</details>", Pattern.DOTALL);

    /** One hint: {@code task.number}, e.g. 2.1. */
    public record Hint(int task, int number, String text) {
        public String id() {
            return task + "." + number;
        }
    }

    /** The hints of the README in {@code exercise}; none when it has no such README. */
    public static Hints of(Path exercise) throws IOException {
        Path readme = exercise.resolve("README.md");
        return parse(Files.isRegularFile(readme) ? Files.readString(readme) : "");
    }

    static Hints parse(String readme) {
        List<Hint> hints = new ArrayList<>();
        Matcher hint = HINT.matcher(readme);
        while (hint.find()) {
            hints.add(new Hint(Integer.parseInt(hint.group(1)), Integer.parseInt(hint.group(2)), hint.group(3).strip()));
        }
        return new Hints(List.copyOf(hints));
    }

    /**
     * The next hint not yet {@code shown}: the first for {@code task} when it has one left, else the first left of
     * any task.
     */
    public Optional<Hint> next(int task, Set<String> shown) {
        Optional<Hint> forTask = all.stream().filter(h -> h.task() == task && !shown.contains(h.id())).findFirst();
        return forTask.isPresent() ? forTask : all.stream().filter(h -> !shown.contains(h.id())).findFirst();
    }
}
