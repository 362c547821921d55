import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Grades the same N submissions two ways and compares: the grader, and `./mvnw -o test` in each submission with
 * Surefire's XML parsed. Prints both wall times, their ratio, and whether the verdicts of the visible checks agree.
 *
 *   ./mvnw -q package -pl grader/cli -am -DskipTests
 *   java -cp grader/cli/target/grader.jar grader/cli/bench/MavenComparison.java [N]
 *
 * The grader runs with its default --jobs; a second grader run with --jobs 1 must give the same verdicts.
 * Submissions are clones of this repository's HEAD; submission i has the reference solution of exercise k when
 * bit k of i is set, so scores vary. Hidden checks are left out: a learner's Maven build does not have them.
 */
public class MavenComparison {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("awaitlings-bench-");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        List<String> exercises = list(root.resolve("exercises"));
        for (int i = 1; i <= n; i++) {
            Path clone = submissions.resolve(String.format("s%02d", i));
            run(root, "git", "clone", "-q", root.toString(), clone.toString());
            for (int k = 0; k < exercises.size(); k++) {
                if (((i >> k) & 1) == 1) {
                    copy(root.resolve("solutions").resolve(exercises.get(k)).resolve("src/main/java"),
                            clone.resolve("exercises").resolve(exercises.get(k)).resolve("src/main/java"));
                }
            }
        }

        long mavenStart = System.nanoTime();
        Map<String, Boolean> maven = new HashMap<>();
        for (String id : list(submissions)) {
            Path clone = submissions.resolve(id);
            run(clone, "./mvnw", "-o", "-q", "test", "-Dmaven.test.failure.ignore=true");
            for (String exercise : exercises) {
                maven.putAll(surefire(id, exercise, clone.resolve("exercises").resolve(exercise).resolve("target/surefire-reports")));
            }
        }
        double mavenSeconds = (System.nanoTime() - mavenStart) / 1e9;

        long graderStart = System.nanoTime();
        Path out = work.resolve("out");
        run(root, "java", "-jar", root.resolve("grader/cli/target/grader.jar").toString(), "grade", submissions.toString(),
                "--out", out.toString(), "--no-hidden", "--course", root.toString());
        double graderSeconds = (System.nanoTime() - graderStart) / 1e9;
        Map<String, Boolean> grader = verdicts(submissions, out);
        Path sequential = work.resolve("out-jobs-1");
        run(root, "java", "-jar", root.resolve("grader/cli/target/grader.jar").toString(), "grade", submissions.toString(),
                "--out", sequential.toString(), "--no-hidden", "--course", root.toString(), "--jobs", "1");
        boolean jobsAgree = grader.equals(verdicts(submissions, sequential));

        int agree = 0;
        List<String> differ = new ArrayList<>();
        for (var entry : maven.entrySet()) {
            if (entry.getValue().equals(grader.get(entry.getKey()))) {
                agree++;
            } else {
                differ.add(entry.getKey() + ": maven " + entry.getValue() + ", grader " + grader.get(entry.getKey()));
            }
        }
        System.out.printf("%d submissions, %d visible checks each run%n", n, maven.size() / n);
        System.out.printf("./mvnw -o test per submission: %.1f s%n", mavenSeconds);
        System.out.printf("grader grade (one batch):      %.1f s%n", graderSeconds);
        System.out.printf("the grader is %.1fx faster%n", mavenSeconds / graderSeconds);
        System.out.printf("verdicts: %d of %d agree (grader has %d)%n", agree, maven.size(), grader.size());
        differ.stream().sorted().limit(20).forEach(d -> System.out.println("  differs: " + d));
        System.out.printf("grader verdicts with --jobs 1 and the default --jobs: %s%n", jobsAgree ? "the same" : "DIFFERENT");
        if (!differ.isEmpty() || maven.size() != grader.size() || !jobsAgree) {
            System.exit(1);
        }
    }

    /** {@code id exercise method} → passed, from the grader's awaitlings.json files. */
    private static Map<String, Boolean> verdicts(Path submissions, Path out) throws Exception {
        Map<String, Boolean> verdicts = new HashMap<>();
        for (String id : list(submissions)) {
            for (JsonNode exercise : new ObjectMapper().readTree(out.resolve(id).resolve("awaitlings.json").toFile()).path("exercises")) {
                for (JsonNode v : exercise.path("verdicts")) {
                    String method = v.path("check").path("id").asText().replaceAll("^.*\\.|\\(\\)$", "");
                    verdicts.put(id + " " + exercise.path("exercise").asText() + " " + method, v.path("passed").asBoolean());
                }
            }
        }
        return verdicts;
    }

    /** {@code id exercise method} → passed, from Surefire's XML reports of one exercise. */
    private static Map<String, Boolean> surefire(String id, String exercise, Path reports) throws Exception {
        Map<String, Boolean> verdicts = new HashMap<>();
        for (String file : list(reports)) {
            if (!file.startsWith("TEST-") || !file.endsWith(".xml")) {
                continue;
            }
            NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(reports.resolve(file).toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                boolean failed = testcase.getElementsByTagName("failure").getLength() > 0
                        || testcase.getElementsByTagName("error").getLength() > 0;
                verdicts.put(id + " " + exercise + " " + testcase.getAttribute("name"), !failed);
            }
        }
        return verdicts;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
    }

    private static List<String> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !p.getFileName().toString().equals("pom.xml"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
