package awaitlings.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each exercise's promise table, {@code solutions/NN-topic/PROMISES.md}, kept true as the exercise changes. It is a
 * Markdown table of three columns, one row per promise of the README's tasks or the learner-facing Javadoc:
 *
 * <pre>
 * | promise | where | checks |
 * |---|---|---|
 * | `close()` returns once the thread is gone | `EventLoop.close` | `LoopLifecycleHiddenTest.closeDrainsQueuedTasksAndRefusesNewOnes()` |
 * </pre>
 *
 * The last column names the graded checks that fail when the promise is broken, each as {@code `SomeTest.method()`}.
 */
@DisplayName("the course's promise tables")
class PromiseTests {

    static final String FILE = "PROMISES.md";
    private static final Path ROOT = Path.of(System.getProperty("awaitlings.root", "../..")).normalize().toAbsolutePath();
    private static final Pattern CHECK = Pattern.compile("`(\\w+\\.\\w+\\(\\))`");

    @TestFactory
    @DisplayName("every promise names a check that exists, and every graded check decides a promise")
    Stream<DynamicTest> promisesNameRealChecks() {
        return Exercise.onThisJdk(ROOT).stream().map(exercise -> dynamicTest(exercise.name(), () -> {
            Path table = exercise.solution().resolve(FILE);
            assertThat(table).as("%s: its promise table, %s in the solution's folder", exercise, FILE).exists();
            Set<String> graded = exercise.checks().keySet();
            Set<String> named = new TreeSet<>();
            for (Row row : rows(table)) {
                assertThat(row.checks()).as("%s:%d names the checks that decide \"%s\"", table, row.line(), row.promise())
                        .isNotEmpty();
                assertThat(graded).as("%s:%d names checks that exist", table, row.line()).containsAll(row.checks());
                named.addAll(row.checks());
            }
            assertThat(named).as("%s: every graded check is named in %s, beside the promise it decides", exercise, FILE)
                    .containsAll(graded);
        }));
    }

    /** One promise of the table, with the checks its last column names and its line in the file. */
    private record Row(String promise, List<String> checks, int line) {
    }

    private static List<Row> rows(Path table) throws IOException {
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            // Table rows only: not the header, nor the |---| line under it.
            if (!line.startsWith("|") || line.startsWith("| promise ") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            List<String> checks = new ArrayList<>();
            Matcher check = CHECK.matcher(cells[cells.length - 1]);
            while (check.find()) {
                checks.add(check.group(1));
            }
            rows.add(new Row(cells[0].strip(), checks, i + 1));
        }
        return rows;
    }
}
