package awaitlings.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutant that no check can catch because it does not change what the solution does, listed in
 * {@code solutions/equivalent-mutants.txt} with the reason, one line each:
 *
 * <pre>
 * 05-loop-lifecycle EventLoop.close:64 removed call to java/lang/Thread::currentThread | why nothing changes
 * </pre>
 *
 * The exercise, then the mutant as {@link Mutant#key()} writes it (class, method, line, PIT's description), then
 * {@code " | "} and the reason. Lines starting with {@code #} are comments.
 *
 * @param exercise the exercise whose solution was mutated
 * @param key      the mutant, as {@link Mutant#key()} writes it
 * @param reason   why the change makes no difference a check could see
 * @param line     the line of the file, for messages
 */
record EquivalentMutant(String exercise, String key, String reason, int line) {

    static final String FILE = "solutions/equivalent-mutants.txt";
    private static final String REASON = " | ";

    /** Every entry of the file under {@code root}; a line that is not an entry fails with what is wrong with it. */
    static List<EquivalentMutant> readAll(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8);
        List<EquivalentMutant> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int space = entry.indexOf(' ');
            int reason = entry.indexOf(REASON);
            if (space < 0 || reason < space || entry.substring(reason + REASON.length()).isBlank()) {
                throw new AssertionError(String.format("%s:%d is not \"<exercise> <Class>.<method>:<line> <description> | <reason>\":%n    %s",
                        FILE, i + 1, entry));
            }
            entries.add(new EquivalentMutant(entry.substring(0, space), entry.substring(space + 1, reason).strip(),
                    entry.substring(reason + REASON.length()).strip(), i + 1));
        }
        return entries;
    }

    boolean names(String exercise, Mutant mutant) {
        return this.exercise.equals(exercise) && key.equals(mutant.key());
    }

    @Override
    public String toString() {
        return FILE + ":" + line + " (" + exercise + " " + key + ")";
    }
}
