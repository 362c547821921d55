package awaitlings.grader.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The main class of the compiler's JVM, which the grader forks with a heap cap and a time limit: javac on a
 * learner's code can run long or out of memory, and that must cost the submission only. It compiles each exercise
 * of its plan on its own and writes that exercise's {@code <exercise>.json} as soon as it is done, so a JVM that
 * dies midway still leaves the exercises before it compiled. No learner code runs here: annotation processing is off.
 */
public final class CompileRunner {

    /**
     * What to compile, handed over as a JSON file.
     *
     * @param exercises each exercise's sources and where its classes go
     * @param results   the folder for the {@code <exercise>.json} results
     */
    record Plan(List<Step> exercises, String results) {
    }

    record Step(String exercise, String sources, String classes, int release) {
    }

    /** What compiling one exercise gave: javac's errors (empty when it compiled) and where each class came from. */
    record Outcome(String errors, Map<String, String> sources) {
    }

    private CompileRunner() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Plan plan = json.readValue(Path.of(args[0]).toFile(), Plan.class);
        for (Step step : plan.exercises()) {
            Outcome outcome = compile(step);
            Path done = Path.of(plan.results()).resolve(step.exercise() + ".json");
            Path partial = Path.of(plan.results()).resolve(step.exercise() + ".json.tmp");
            json.writeValue(partial.toFile(), outcome);
            Files.move(partial, done);
        }
        System.exit(0);
    }

    /** Compiles one exercise of a plan. */
    static Outcome compile(Step step) {
        try {
            Javac.Result result = Javac.compile(Path.of(step.sources()), "", Path.of(step.classes()), step.release());
            return new Outcome(result.errors(), result.sources());
        } catch (RuntimeException | StackOverflowError crash) {
            // A source that crashes javac is the learner's to fix, like any other error.
            return new Outcome("javac crashed on this code: " + crash, Map.of());
        }
    }
}
