import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long the grader takes for one solved submission (every exercise's reference solution, hidden checks
 * included), and for a batch of them: the cost of its isolation, stated as medians of several runs.
 *
 *   ./mvnw -q package -pl grader/cli -am -DskipTests
 *   java -cp grader/cli/target/grader.jar grader/cli/bench/SubmissionTime.java [RUNS] [BATCH] [GRADER_JAR]
 *
 * RUNS (default 5) gradings of one submission, each timed as the grader reports it (the submission's own time, from
 * its awaitlings.json), then one batch of BATCH (default 8) submissions timed from outside. GRADER_JAR (default this
 * checkout's grader.jar) lets the same measurement run against an older build.
 */
public class SubmissionTime {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path root = Path.of("").toAbsolutePath();
        Path jar = args.length > 2 ? Path.of(args[2]) : root.resolve("grader/cli/target/grader.jar");
        Path work = Files.createTempDirectory("awaitlings-bench-");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        for (int i = 1; i <= batch; i++) {
            solved(root, submissions.resolve(String.format("s%02d", i)));
        }

        List<Double> one = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path out = work.resolve("one-" + run);
            grade(root, jar, submissions.resolve("s01"), out);
            one.add(Duration.parse(new ObjectMapper().readTree(out.resolve("s01/awaitlings.json").toFile()).get("time").asText())
                    .toMillis() / 1000.0);
        }
        long start = System.nanoTime();
        grade(root, jar, submissions, work.resolve("batch"));
        double batchSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("one solved submission: median %.1f s of %d runs %s%n", median(one), runs, one);
        System.out.printf("a batch of %d solved submissions: %.1f s (%.1f s each)%n", batch, batchSeconds, batchSeconds / batch);
    }

    private static void solved(Path root, Path clone) throws Exception {
        try (Stream<Path> exercises = Files.list(root.resolve("exercises"))) {
            for (Path exercise : exercises.filter(e -> Files.exists(e.resolve("pom.xml"))).toList()) {
                Path from = root.resolve("solutions").resolve(exercise.getFileName()).resolve("src/main/java");
                Path to = clone.resolve("exercises").resolve(exercise.getFileName()).resolve("src/main/java");
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path target = to.resolve(from.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target);
                    }
                }
            }
        }
    }

    private static void grade(Path root, Path jar, Path submissions, Path out) throws Exception {
        Process grader = new ProcessBuilder("java", "-jar", jar.toString(), "grade", submissions.toString(), "--out", out.toString(),
                "--course", root.toString(), "--formats", "gradescope").inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (grader.waitFor() != 0) {
            throw new IllegalStateException("the grader failed on " + submissions);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
