package awaitlings.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * Other learners' answers, kept in {@code solutions/NN-topic/variants/}: each wrong one fails exactly the checks its
 * {@code expected.txt} names, with the message a learner would read; each correct one in another style keeps every point.
 */
@DisplayName("the course's variants")
class VariantTests {

    private static final Path ROOT = Path.of(System.getProperty("awaitlings.root", "../..")).normalize().toAbsolutePath();

    @TempDir
    Path work;

    @TestFactory
    @DisplayName("each variant loses exactly the checks it should, with the right message")
    Stream<DynamicTest> variantsAreJudgedRight() {
        List<Variant> variants = Variant.all(ROOT);
        List<Future<Map<String, ForkedRun.Outcome>>> runs = Ahead.start(variants.stream()
                .<Callable<Map<String, ForkedRun.Outcome>>>map(variant -> () -> ForkedRun.run(variant.exercise().allTestClasses(),
                        variant.compile(Files.createDirectories(work.resolve(variant.exercise().name()).resolve(variant.name())))))
                .toList());
        return IntStream.range(0, variants.size()).mapToObj(i -> dynamicTest(variants.get(i).toString(), () -> {
            Variant variant = variants.get(i);
            assertThat(variant.folder().resolve(Variant.EXPECTED)).as("%s has its %s", variant, Variant.EXPECTED).exists();
            Map<String, String> expected = variant.failing();
            Map<String, ForkedRun.Outcome> outcomes = Ahead.result(runs.get(i));

            assertThat(outcomes.keySet()).as("%s: the checks %s names", variant, Variant.EXPECTED).containsAll(expected.keySet())
                    .containsAll(variant.byChance().keySet());
            TreeSet<String> failed = new TreeSet<>();
            outcomes.forEach((check, outcome) -> {
                if (outcome.status() != Status.SUCCESSFUL) {
                    failed.add(check);
                }
            });
            failed.removeAll(variant.byChance().keySet());
            assertThat(failed).as("%s: the checks that failed (first) must be those %s names (second); messages:%n%s",
                    variant, Variant.EXPECTED, messages(outcomes)).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((check, text) -> assertThat(outcomes.get(check).message())
                    .as("%s: what %s tells the learner", variant, check).contains(text));
        }));
    }

    private static String messages(Map<String, ForkedRun.Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        new TreeSet<>(outcomes.keySet()).stream().filter(check -> outcomes.get(check).status() != Status.SUCCESSFUL)
                .forEach(check -> text.append("  ").append(check).append(": ")
                        .append(outcomes.get(check).message().lines().findFirst().orElse("")).append(System.lineSeparator()));
        return text.toString();
    }
}
